// The operations of glibc's exp (since 2.28; Arm's optimized-routines, Szabolcs Nagy), each a
// plain IEEE multiply, add or divide: no fused multiply-add (the pragma below, and neither
// build enables FMA), no reassociation, so the bits are the same on every x86-64 machine and in
// both builds. The AVX2 build does the same lane operations four doubles to a register instead
// of two. BPNumerics/Exponential.swift documents the algorithm.
#pragma STDC FP_CONTRACT OFF
#ifdef __clang__
#pragma clang fp contract(off)
#endif

#include "CExponential.h"
#include <math.h>
#include <string.h>

static const double inverseLn2N = 0x1.71547652b82fep0 * 128;
static const double negativeLn2HiN = -0x1.62e42fefa0000p-8;
static const double negativeLn2LoN = -0x1.cf79abc9e3b3ap-47;
static const double shift = 0x1.8p52;
static const double c2 = 0x1.ffffffffffdbdp-2;
static const double c3 = 0x1.555555555543cp-3;
static const double c4 = 0x1.55555cf172b91p-5;
static const double c5 = 0x1.1111167a4d017p-7;

static inline uint64_t bits(double x) { uint64_t u; memcpy(&u, &x, sizeof u); return u; }
static inline double from_bits(uint64_t u) { double x; memcpy(&x, &u, sizeof x); return x; }
static inline uint64_t top12(double x) { return bits(x) >> 52; }

// s + s * tmp for 512 <= |x| < 1024, where s = 2^(k/128) may be out of range as a double.
static double scaled(double tmp, uint64_t scale_bits, uint64_t ki) {
    if ((ki & 0x80000000u) == 0) {
        double scale = from_bits(scale_bits - (1009ull << 52));
        return 0x1p1009 * (scale + scale * tmp);
    }
    double scale = from_bits(scale_bits + (1022ull << 52));
    double y = scale + scale * tmp;
    if (y < 1) {
        double hi = 1 + y;
        double lo = 1 - hi + y + (scale - y + scale * tmp);
        y = (hi + lo) - 1;
        if (y == 0) y = 0;  // never -0
    }
    return 0x1p-1022 * y;
}

double bp_exp(double x, const uint64_t *table) {
    uint64_t abs_top = top12(x) & 0x7FF;
    int large = 0;
    // Unsigned: true for |x| < 2^-54 (wrapping below) and for |x| >= 512, infinities, NaN.
    if (abs_top - top12(0x1p-54) >= top12(512) - top12(0x1p-54)) {
        if (abs_top - top12(0x1p-54) >= 0x80000000u) return 1 + x;
        if (abs_top >= top12(1024)) {
            if (x == -INFINITY) return 0;
            if (abs_top >= top12(INFINITY)) return 1 + x;  // +inf or NaN
            return x < 0 ? 0 : INFINITY;
        }
        large = 1;
    }
    double shifted = x * inverseLn2N + shift;
    uint64_t ki = bits(shifted);
    double kd = shifted - shift;
    double r = x + kd * negativeLn2HiN + kd * negativeLn2LoN;
    size_t j = (size_t)((ki & 127) << 1);
    double tail = from_bits(table[j]);
    uint64_t scale_bits = table[j + 1] + (ki << 45);
    double r2 = r * r;
    double tmp = tail + r + r2 * (c2 + r * c3) + r2 * r2 * (c4 + r * c5);
    if (large) return scaled(tmp, scale_bits, ki);
    double scale = from_bits(scale_bits);
    return scale + scale * tmp;
}

typedef double lanes_d __attribute__((vector_size(64)));
typedef uint64_t lanes_u __attribute__((vector_size(64)));
typedef int64_t lanes_i __attribute__((vector_size(64)));
enum { lane_count = 8 };

// e^x in every lane by the usual path; a lane bp_exp would take another path for is redone
// with it, so every lane is bp_exp's result. By pointer: a vector argument's ABI would depend
// on the build.
static inline __attribute__((always_inline)) void lanes(lanes_d *in_out, const uint64_t *table) {
    lanes_d x = *in_out;
    lanes_d shifted = x * inverseLn2N + shift;
    lanes_u ki = (lanes_u)shifted;
    lanes_d kd = shifted - shift;
    lanes_d r = x + kd * negativeLn2HiN + kd * negativeLn2LoN;
    lanes_u index = (ki & 127) << 1;
    lanes_d tail;
    lanes_u scale_bits;
    for (int lane = 0; lane < lane_count; lane++) {
        tail[lane] = from_bits(table[index[lane]]);
        scale_bits[lane] = table[index[lane] + 1];
    }
    lanes_d r2 = r * r;
    lanes_d tmp = tail + r + r2 * (c2 + r * c3) + r2 * r2 * (c4 + r * c5);
    lanes_d scale = (lanes_d)(scale_bits + (ki << 45));
    lanes_d y = scale + scale * tmp;
    lanes_i special = ((((lanes_u)x) >> 52) & 0x7FF) >= top12(512);
    int any = 0;
    for (int lane = 0; lane < lane_count; lane++) any |= (int)(special[lane] != 0);
    if (any) {
        for (int lane = 0; lane < lane_count; lane++) {
            if (special[lane]) y[lane] = bp_exp(x[lane], table);
        }
    }
    *in_out = y;
}

static inline __attribute__((always_inline)) void exp_array(double *values, size_t count, const uint64_t *table) {
    size_t i = 0;
    for (; i + lane_count <= count; i += lane_count) {
        lanes_d x;
        memcpy(&x, values + i, sizeof x);
        lanes(&x, table);
        memcpy(values + i, &x, sizeof x);
    }
    for (; i < count; i++) values[i] = bp_exp(values[i], table);
}

static inline __attribute__((always_inline)) void sigmoid_array(const double *z, double *out, size_t count, const uint64_t *table) {
    size_t i = 0;
    for (; i + lane_count <= count; i += lane_count) {
        lanes_d x;
        memcpy(&x, z + i, sizeof x);
        lanes_d e = 0.0 - x;
        lanes(&e, table);
        lanes_d y = 1.0 / (1.0 + e);
        memcpy(out + i, &y, sizeof y);
    }
    for (; i < count; i++) out[i] = 1 / (1 + bp_exp(-z[i], table));
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define BP_HAS_WIDE_BUILD 1
__attribute__((target("avx2"))) static void exp_array_avx2(double *values, size_t count, const uint64_t *table) {
    exp_array(values, count, table);
}
__attribute__((target("avx2"))) static void sigmoid_array_avx2(const double *z, double *out, size_t count, const uint64_t *table) {
    sigmoid_array(z, out, count, table);
}
#endif

int bp_exp_has_wide(void) {
#ifdef BP_HAS_WIDE_BUILD
    return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
    return 0;
#endif
}

void bp_exp_array(double *values, size_t count, const uint64_t *table, int wide) {
#ifdef BP_HAS_WIDE_BUILD
    if (wide && __builtin_cpu_supports("avx2")) { exp_array_avx2(values, count, table); return; }
#endif
    (void)wide;
    exp_array(values, count, table);
}

void bp_sigmoid_array(const double *z, double *out, size_t count, const uint64_t *table, int wide) {
#ifdef BP_HAS_WIDE_BUILD
    if (wide && __builtin_cpu_supports("avx2")) { sigmoid_array_avx2(z, out, count, table); return; }
#endif
    (void)wide;
    sigmoid_array(z, out, count, table);
}

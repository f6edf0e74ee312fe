// e^x and 1 / (1 + e^(-z)) over arrays of doubles for BPNumerics' `Exponential`: glibc's exp
// algorithm in plain IEEE operations, eight lanes at a time, built twice (for every x86-64 and
// for AVX2, picked when the CPU has it) from one source, with the same bits either way.
#ifndef CEXPONENTIAL_H
#define CEXPONENTIAL_H

#include <stddef.h>
#include <stdint.h>

/// e^x of one value; `table` is the 256-entry table of 2^(j/128) (Exponential.table).
double bp_exp(double x, const uint64_t *table);

/// Replaces each of `count` values by its exponential. `wide` allows the AVX2 build where the
/// CPU has it (1 in use; 0 makes a test's comparison run the other build).
void bp_exp_array(double *values, size_t count, const uint64_t *table, int wide);

/// out[i] = 1 / (1 + e^(0 - z[i])) for `count` values, the lanes' negation taken as 0 - z and
/// a tail's as -z, as BPNumerics' Swift kernel took them; `wide` as above.
void bp_sigmoid_array(const double *z, double *out, size_t count, const uint64_t *table, int wide);

/// Whether `wide` selects the AVX2 build on this CPU.
int bp_exp_has_wide(void);

#endif

// Debian's libopenblas-dev: pkg-config's `openblas` puts its cblas.h (with OpenBLAS's own
// openblas_set_num_threads) on the include path.
#include <cblas.h>

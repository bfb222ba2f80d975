/* A stand-in libOpenCL.so.1 / libcuda.so.1 for runtime.loader: it sits in
 * the working directory of a test that must never load it, and makes any
 * process that does load it fail loudly. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor)) static void refuse_to_load(void) {
  fputs("fake " DPEX_FAKE_DRIVER " loaded\n", stderr);
  abort();
}

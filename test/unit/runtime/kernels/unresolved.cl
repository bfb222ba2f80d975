// Calls a function nothing defines: the image loads, but the device
// compiler's link step fails, so the build log names the missing symbol.
float dpex_test_undefined_helper(float x);

kernel void fill(int value, global int *out) {
  out[get_global_id(0)] = value + (int)dpex_test_undefined_helper(1.0f);
}

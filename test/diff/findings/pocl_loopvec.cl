// The kernel of pocl_loopvec_mismatch.cpp in OpenCL C, without a range
// guard (as dpexc's SPIR image has none). Built to a SPIR image by
//   clang-15 -cl-std=CL1.2 -target spir64 -O2 -emit-llvm -c pocl_loopvec.cl \
//     -Xclang -finclude-default-header -Xclang -no-opaque-pointers \
//     -o pocl_loopvec.spir
// and run by pocl_loopvec_host.c.
kernel void k1(global const ulong *in, global ulong *out) {
  size_t i = get_global_id(0);
  global const ulong *w = in + i * 8;
  global ulong *o = out + i * 8;
  short v0 = (short)(w[0] >> 8);
  uint v2 = (uint)w[2];
  short v5 = (short)w[5];
  short arr[8] = {v0, (short)17368, v5, v5, v0, v0, v5, v5};
  for (uint j = 0; j < 6; ++j)
    v5 = (short)(ushort)(((uint)arr[v2 & 7u] & 15u) *
                         (uint)(ushort)((ushort)(2u << j) ^
                                        (ushort)(0u - (ushort)v5)));
  arr[6] = v5;
  o[2] = (ulong)(ushort)arr[v2 & 7u];
  o[3] = (ulong)(ushort)v5;
}

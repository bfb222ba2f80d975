// A library that marks itself a system header, as headers found through
// -isystem are: its entry() throws and allocates five calls down.
#pragma GCC system_header

namespace lib {
inline float check(float v) {
  if (v < 0)
    throw v;
  float *copy = new float(v);
  return *copy;
}
inline float level4(float v) { return check(v); }
inline float level3(float v) { return level4(v); }
inline float level2(float v) { return level3(v); }
inline float level1(float v) { return level2(v); }
inline float entry(float v) { return level1(v); }
} // namespace lib

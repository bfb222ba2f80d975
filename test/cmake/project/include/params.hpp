// b/k.cpp's by-value argument; target_include_directories(... PUBLIC include).
#pragma once
struct Params {
  int mul;
  int add;
};

// Reading string-valued clGet*Info queries.
#pragma once

#include <cstddef>
#include <string>

namespace dpex::rt::opencl {

// `query(size, value, sizeRet)` is a clGet*Info call with its object and
// parameter bound. A failed query reads as "", and the value stops at its
// first NUL: drivers differ on whether the reported size counts it.
template <typename Query> std::string readInfoString(Query query) {
  std::size_t size = 0;
  if (query(0, nullptr, &size) != 0 || size == 0)
    return {};
  std::string value(size, '\0');
  if (query(size, value.data(), nullptr) != 0)
    return {};
  value.resize(value.find('\0') == std::string::npos ? size : value.find('\0'));
  return value;
}

} // namespace dpex::rt::opencl

// What the frontend learns about each kernel: the facts the IR lowering, the
// stub generator and `--list-kernels` need, independent of Clang's AST.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dpex {

enum class ParamKind : std::uint8_t {
  Index,         // item<N> / nd_item<N>, always first
  Scalar,        // arithmetic value
  Boolean,       // bool, lowered to an 8-bit integer at the kernel boundary
  GlobalPointer, // T* / const T* to global memory
  LocalAccessor, // dpex::local_accessor<T>
  ByValue,       // trivially copyable struct
};

// The name of a kind in metadata, JSON and stubs (dpex::detail::arg_kind).
inline const char *paramKindName(ParamKind Kind) {
  switch (Kind) {
  case ParamKind::Index:
    return "index";
  case ParamKind::Scalar:
    return "scalar";
  case ParamKind::Boolean:
    return "boolean";
  case ParamKind::GlobalPointer:
    return "global_pointer";
  case ParamKind::LocalAccessor:
    return "local_accessor";
  case ParamKind::ByValue:
    return "by_value";
  }
  return "unknown";
}

struct KernelParam {
  ParamKind Kind;
  std::string Name;        // as written in the source (may be empty)
  std::string TypeName;    // fully qualified C++ spelling, e.g. "const float *"
  std::uint32_t Size = 0;  // bytes of the value; element bytes for pointers
  std::uint32_t Align = 0; // alignment of the value / element
  std::string Header;      // ByValue: header that defines the struct
};

struct KernelInfo {
  std::string MangledName;   // the user function in the frontend's IR
  std::string EntryName;     // OpEntryPoint name in every device image
  std::string QualifiedName; // e.g. "demo::scale<float>"
  std::string Namespace;     // e.g. "demo" ("" for the global namespace)
  std::string HandleName;    // C++ identifier of the stub handle
  bool NDRange = false;      // nd_item kernel
  unsigned Dimensions = 1;
  std::vector<KernelParam> Params; // Params[0] is the index parameter
  std::string Location;            // file:line:col of the definition
};

} // namespace dpex

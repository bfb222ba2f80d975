// What the frontend learns about each kernel: the facts the IR lowering, the
// stub generator and `--list-kernels` need, independent of Clang's AST.
#pragma once

#include "dpex/detail/stub_abi.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dpex {

// A kernel parameter's kind. Every kind but Index is the stub ABI's
// detail::arg_kind of the same value, so the two cannot drift apart.
enum class ParamKind : std::uint8_t {
  Scalar = static_cast<std::uint8_t>(detail::arg_kind::scalar),
  Boolean = static_cast<std::uint8_t>(detail::arg_kind::boolean),
  GlobalPointer = static_cast<std::uint8_t>(detail::arg_kind::global_pointer),
  LocalAccessor = static_cast<std::uint8_t>(detail::arg_kind::local_accessor),
  ByValue = static_cast<std::uint8_t>(detail::arg_kind::by_value),
  Index = 0xff, // item<N> / nd_item<N>, always first; not passed at run time
};

// The stub ABI's kind of a parameter other than the index.
constexpr detail::arg_kind argKind(ParamKind Kind) {
  return static_cast<detail::arg_kind>(Kind);
}

// The name of a kind in metadata, JSON and stubs.
constexpr const char *paramKindName(ParamKind Kind) {
  return Kind == ParamKind::Index ? "index"
                                  : detail::arg_kind_name(argKind(Kind));
}

// A struct or enum defined in the kernel source, as the stub re-declares
// it: a struct's data members with their types and alignment, and
// static_asserts that the host lays it out as the kernel does; an enum's
// underlying type and enumerators; in its namespaces.
struct RedeclaredType {
  std::string QualifiedName;
  std::string Text;
};

// What the stub needs to name the structs and enums of a kernel's
// signature: the headers it includes for them, and the types of the kernel
// source it re-declares, each after those it uses.
struct StubDeclarations {
  std::vector<std::string> Headers;
  std::vector<RedeclaredType> Redeclared;
};

struct KernelParam {
  ParamKind Kind;
  std::string Name;        // as written in the source (may be empty)
  std::string TypeName;    // fully qualified C++ spelling, e.g. "const float *"
  std::uint32_t Size = 0;  // bytes of the value; element bytes for pointers
  std::uint32_t Align = 0; // alignment of the value / element
  // The struct or enum of the value, of a pointer's or local accessor's
  // element.
  StubDeclarations Declarations;
};

struct KernelInfo {
  std::string MangledName;   // the user function in the frontend's IR
  std::string EntryName;     // OpEntryPoint name in every device image
  std::string QualifiedName; // e.g. "demo::scale<float>"
  std::string Namespace;     // e.g. "demo" ("" for the global namespace)
  // The stub handle as host code names it, in `Namespace`: "saxpy",
  // "scale<float>" (see nameHandles in dpex/compiler/StubGen.h).
  std::string HandleName;
  // A C++ identifier for the kernel: its name, for an instantiation followed
  // by its template arguments ("scale_float").
  std::string FlatName;
  // A kernel template's instantiation: the template's unqualified name, its
  // template-parameter-list and this instantiation's arguments as the stub
  // spells them ("add_k", "typename T, int N", "int, 3"); all empty for a
  // function that is not a template. `TemplateKey` tells two templates of
  // one name apart.
  std::string TemplateName;
  std::string TemplateParams;
  std::string TemplateArgs;
  std::string TemplateKey;
  // The structs and enums that the template's parameters and this
  // instantiation's arguments name.
  StubDeclarations TemplateDeclarations;
  bool NDRange = false; // nd_item kernel
  unsigned Dimensions = 1;
  unsigned ReqdSubGroupSize = 0;   // DPEX_REQD_SUB_GROUP_SIZE(n); 0: none
  std::vector<KernelParam> Params; // Params[0] is the index parameter
  std::string Location;            // file:line:col of the definition
};

} // namespace dpex

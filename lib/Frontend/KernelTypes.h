// Recognising dpex's annotations and kernel-language types on Clang's AST;
// shared by the restriction checker and the signature extractor.
#pragma once

#include "dpex/compiler/KernelInfo.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

#include <optional>
#include <string>

namespace dpex {

bool isKernel(const clang::FunctionDecl *FD);
bool isDeviceFunction(const clang::FunctionDecl *FD);

// If `T` is dpex::item<N> / dpex::nd_item<N>, its N and whether it is nd.
struct IndexType {
  bool NDRange;
  unsigned Dimensions;
};
std::optional<IndexType> asIndexType(clang::QualType T);

// The element type of dpex::local_accessor<T>, if `T` is one.
std::optional<clang::QualType> asLocalAccessor(clang::QualType T);

// The scalar types neither SPIR-V nor the PTX image can represent, in the
// plural ("128-bit integers"), if `T` is (a pointer to, reference to or array
// of) one: __int128, __float128, _BitInt of another width than 8, 16, 32, 64.
std::optional<std::string> unsupportedScalar(clang::QualType T);

// Why bit-field `F` cannot be compiled for the device, or nothing: Clang
// keeps a run of adjacent bit-fields in one integer of the run's width
// rounded up to bytes, and a run of 17 to 24 or over 32 bits but 57 to 64
// makes an integer width SPIR-V lacks.
std::optional<std::string> unsupportedBitField(const clang::FieldDecl *F,
                                               const clang::ASTContext &Ctx);

// How a kernel parameter of type `T` is passed, or nothing if the kernel
// language does not allow it. `Why` receives the reason for a rejection.
std::optional<ParamKind> classifyParam(clang::QualType T,
                                       const clang::ASTContext &Ctx,
                                       std::string &Why);

// Whether `D` is defined in the kernel source itself, which the stub cannot
// include.
bool definedInMainFile(const clang::Decl *D);

// A record or enum the type of a data member names, looking through arrays
// and pointers; null for none.
const clang::TagDecl *namedTag(clang::QualType T);

// Why the stub cannot re-declare `Tag`, a struct or enum defined in the
// kernel source, with the same layout; nothing if it can, or if it comes
// from a header (which the stub includes). The stub declares an enum with
// its underlying type and enumerators, and the data members of a plain
// struct: of arithmetic, enum, pointer and struct types (those from the
// kernel source re-declared in turn), and arrays of them; both at namespace
// scope.
std::optional<std::string> redeclarationProblem(const clang::TagDecl *Tag);

} // namespace dpex

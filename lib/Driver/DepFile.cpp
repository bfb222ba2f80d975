#include "DepFile.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace dpex {

static std::string escapeForMake(const std::string &Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    else if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

std::string formatDepFile(const std::vector<std::string> &Targets,
                          const std::vector<std::string> &Dependencies) {
  std::string Out;
  for (size_t I = 0; I < Targets.size(); ++I)
    Out += (I ? " " : "") + escapeForMake(Targets[I]);
  Out += ":";
  for (const std::string &D : Dependencies)
    Out += " \\\n  " + escapeForMake(D);
  Out += "\n";
  // The first dependency is the source itself; headers get phony rules.
  for (size_t I = 1; I < Dependencies.size(); ++I)
    Out += "\n" + escapeForMake(Dependencies[I]) + ":\n";
  return Out;
}

std::string formatKernelList(const std::vector<KernelInfo> &Kernels) {
  llvm::json::Array List;
  for (const KernelInfo &K : Kernels) {
    llvm::json::Array Params;
    for (const KernelParam &P : K.Params) {
      llvm::json::Object Param{{"name", P.Name},
                               {"type", P.TypeName},
                               {"kind", paramKindName(P.Kind)}};
      if (P.Kind != ParamKind::Index) {
        Param["size"] = P.Size;
        Param["align"] = P.Align;
      }
      Params.push_back(std::move(Param));
    }
    List.push_back(llvm::json::Object{
        {"name", K.QualifiedName},
        {"handle",
         (K.Namespace.empty() ? "" : K.Namespace + "::") + K.HandleName},
        {"entry", K.EntryName},
        {"index", K.NDRange ? "nd_item" : "item"},
        {"dimensions", K.Dimensions},
        {"location", K.Location},
        {"params", std::move(Params)}});
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(List))) << "\n";
  return OS.str();
}

} // namespace dpex

#include "CompilerTestSupport.h"

#include "dpex/compiler/Frontend.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace dpex;

TEST_CASE("the frontend records each kernel's signature", "[frontend]") {
  llvm::LLVMContext Ctx;
  Ctx.setOpaquePointers(false);
  auto Result = runFrontend(test::inputPath("multi_kernel.cpp"),
                            FrontendOptions(), Ctx, llvm::errs());
  REQUIRE(static_cast<bool>(Result));
  REQUIRE(Result->Kernels.size() == 5);

  const KernelInfo &Saxpy = Result->Kernels[0];
  CHECK(Saxpy.QualifiedName == "demo::saxpy");
  CHECK(Saxpy.Namespace == "demo");
  CHECK(Saxpy.HandleName == "saxpy");
  CHECK_FALSE(Saxpy.NDRange);
  CHECK(Saxpy.Dimensions == 1);
  REQUIRE(Saxpy.Params.size() == 4);
  CHECK(Saxpy.Params[0].Kind == ParamKind::Index);
  CHECK(Saxpy.Params[1].Kind == ParamKind::Scalar);
  CHECK(Saxpy.Params[1].TypeName == "float");
  CHECK(Saxpy.Params[2].Kind == ParamKind::GlobalPointer);
  CHECK(Saxpy.Params[2].TypeName == "const float *");
  CHECK(Saxpy.Params[2].Size == 4);
  CHECK(Result->Module->getFunction(Saxpy.MangledName) != nullptr);

  const KernelInfo &Add2d = Result->Kernels[1];
  CHECK(Add2d.Dimensions == 2);
  CHECK(Add2d.Params[3].Kind == ParamKind::Boolean);

  // Template instantiations get readable handle names.
  std::vector<std::string> Handles;
  for (const KernelInfo &K : Result->Kernels)
    Handles.push_back(K.HandleName);
  CHECK(std::count(Handles.begin(), Handles.end(), "scale_float") == 1);
  CHECK(std::count(Handles.begin(), Handles.end(), "scale_double") == 1);

  const KernelInfo &Nd = Result->Kernels[4];
  CHECK(Nd.NDRange);
  CHECK(Nd.QualifiedName == "demo::nd");

  CHECK(Result->DeviceFunctions.size() == 2);
  CHECK(std::find(Result->Dependencies.begin(), Result->Dependencies.end(),
                  test::inputPath("multi_kernel.cpp")) !=
        Result->Dependencies.end());
}

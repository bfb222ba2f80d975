#include "dpex/SPIRV.h"

#include "spirv-tools/libspirv.hpp"

#include <vector>

namespace dpex {

static std::vector<uint32_t> toWords(const std::string &Binary) {
  std::vector<uint32_t> Words(Binary.size() / sizeof(uint32_t));
  std::memcpy(Words.data(), Binary.data(), Words.size() * sizeof(uint32_t));
  return Words;
}

static constexpr spv_target_env TargetEnv = SPV_ENV_OPENCL_2_1;

llvm::Error validateSPIRV(const std::string &Binary) {
  if (Binary.size() % sizeof(uint32_t) != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V binary size is not a multiple of 4");
  spvtools::SpirvTools Tools(TargetEnv);
  std::string Messages;
  Tools.SetMessageConsumer([&](spv_message_level_t, const char *,
                               const spv_position_t &Pos, const char *Msg) {
    Messages += "  word " + std::to_string(Pos.index) + ": " + Msg + "\n";
  });
  if (Tools.Validate(toWords(Binary)))
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "generated SPIR-V failed validation:\n" + Messages);
}

llvm::Expected<std::string> disassembleSPIRV(const std::string &Binary) {
  spvtools::SpirvTools Tools(TargetEnv);
  std::string Text;
  if (!Tools.Disassemble(toWords(Binary), &Text,
                         SPV_BINARY_TO_TEXT_OPTION_FRIENDLY_NAMES |
                             SPV_BINARY_TO_TEXT_OPTION_INDENT))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot disassemble the SPIR-V binary");
  return Text;
}

} // namespace dpex

#include "dpex/compiler/SPIRV.h"

#include "spirv-tools/libspirv.hpp"

#include <vector>

namespace dpex {

static std::vector<uint32_t> toWords(const std::string &Binary) {
  std::vector<uint32_t> Words(Binary.size() / sizeof(uint32_t));
  std::memcpy(Words.data(), Binary.data(), Words.size() * sizeof(uint32_t));
  return Words;
}

static constexpr spv_target_env TargetEnv = SPV_ENV_OPENCL_2_1;

// dpexc emits SPIR-V 1.0 (OpenCL 2.1), or 1.1 with debug info (OpenCL 2.2
// validates up to 1.2). spirv-val's OpenCL environments reject the
// Int64Atomics capability, which OpenCL devices grant through
// cl_khr_int64_base_atomics and the validator cannot be told about; modules
// with 64-bit atomics are validated against the universal rules instead.
static spv_target_env targetEnvFor(const std::vector<uint32_t> &Words) {
  constexpr uint32_t OpCapability = 17, Int64Atomics = 12, HeaderWords = 5;
  constexpr uint32_t Version1_0 = 0x00010000;
  bool Newer = Words.size() > 1 && Words[1] > Version1_0;
  for (size_t I = HeaderWords; I < Words.size();) {
    uint32_t Count = Words[I] >> 16;
    // Capabilities come first in a module.
    if ((Words[I] & 0xffff) != OpCapability || Count < 2)
      break;
    if (I + 1 < Words.size() && Words[I + 1] == Int64Atomics)
      return Newer ? SPV_ENV_UNIVERSAL_1_1 : SPV_ENV_UNIVERSAL_1_0;
    I += Count;
  }
  return Newer ? SPV_ENV_OPENCL_2_2 : TargetEnv;
}

llvm::Error validateSPIRV(const std::string &Binary) {
  if (Binary.size() % sizeof(uint32_t) != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V binary size is not a multiple of 4");
  std::vector<uint32_t> Words = toWords(Binary);
  spvtools::SpirvTools Tools(targetEnvFor(Words));
  std::string Messages;
  Tools.SetMessageConsumer([&](spv_message_level_t, const char *,
                               const spv_position_t &Pos, const char *Msg) {
    Messages += "  word " + std::to_string(Pos.index) + ": " + Msg + "\n";
  });
  if (Tools.Validate(Words))
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "generated SPIR-V failed validation:\n" +
                                     Messages);
}

llvm::Expected<std::string> disassembleSPIRV(const std::string &Binary) {
  std::vector<uint32_t> Words = toWords(Binary);
  spvtools::SpirvTools Tools(targetEnvFor(Words));
  std::string Text;
  if (!Tools.Disassemble(Words, &Text,
                         SPV_BINARY_TO_TEXT_OPTION_FRIENDLY_NAMES |
                             SPV_BINARY_TO_TEXT_OPTION_INDENT))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot disassemble the SPIR-V binary");
  return Text;
}

const char *spirvToolsVersion() { return spvSoftwareVersionString(); }

} // namespace dpex

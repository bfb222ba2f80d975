// SPIRV-LLVM-Translator 15 writes OpenCL.DebugInfo.100 that spirv-val
// rejects for C++ sources. The faults, corrected on the binary (parsed with
// SPIRV-Tools, which knows which operands are ids):
// - Uses of a class template instantiation (the parent of its members, the
//   base of a const type) name its DebugTypeTemplate, which spirv-val does
//   not take for a type or a parent: they name the class instead. A const
//   qualifier or a typedef of a class, which it rejects too, is dropped;
//   so is a typedef of a typedef (alias templates), down to the last.
// - A composite lists its method declarations (DebugFunctionDeclaration)
//   among its members, which may only be members, functions and
//   inheritance. The declarations go, with the types only they used: this
//   SPIRV-Tools takes pointers to basic types only, and a method's type
//   has a pointer to its class. (A method that is compiled keeps its
//   DebugFunction.)
// - Members come before their composite. The format allows forward
//   references only from a composite to its members and from a
//   DebugFunction to its OpFunction, so the global debug instructions are
//   reordered, each after those it refers to.
// - This SPIRV-Tools takes only basic types as the base of a pointer:
//   pointers to const, typedef'd and enum types point to the type beneath,
//   pointers to an array to its element type, pointers to a class to a
//   basic type of its name and size, and pointers to void (whose base is
//   DebugInfoNone), to a pointer or to a function to a basic type "void" of
//   size 0.
// - A DebugTypePointer whose DWARF type has no address space gets the
//   storage class ~0, which is none. Such a pointer is a C++ pointer of the
//   kernel source, and those are generic (the frontend's SYCL device mode).
// - A Generic DebugTypePointer needs the GenericPointer capability, which a
//   module whose pointers were all inferred to a named address space does
//   not declare. There it is CrossWorkgroup: the debug type does not say
//   which space inference chose, and a kernel's C++ pointers are mostly to
//   its buffers, which are global (Function would send a debugger to
//   private memory for every buffer).
// - The value of a static constexpr member (DebugTypeMember) or of a
//   template parameter may only be an OpConstant; a bool's is an
//   OpConstantTrue or OpConstantFalse. It becomes a 32-bit integer 1 or 0.
//   Another value of a member, which is optional there, is left out.
// - A template parameter pack (a variadic template's) gets the number
//   (16) the format gives DebugTypeTemplateTemplateParameter, whose
//   operands it then rejects: it gets the format's (17). spirv-val takes no
//   pack among a template's parameters: the pack's own parameters replace
//   it (their types are kept, the pack's name goes). A type parameter whose
//   argument is void (`typename = std::enable_if_t<...>`) has DebugInfoNone
//   for a type, which it rejects: it goes.
// - A method template's declaration has a DebugTypeTemplate, whose target
//   may only be a class or a DebugFunction: it goes with the declaration
//   (the DebugFunction of a compiled method has a template of its own).
// - A DebugLexicalBlockDiscriminator (a DILexicalBlockFile: part of a
//   block from another file) is no scope to spirv-val: its parent is.
// - Imported entities (C++ using-declarations) with the source id 0: they
//   go, nothing refers to them.
// - DebugInfoNone where the format has no such operand: as a DebugSource's
//   text and after a DebugTypeArray's component count (dropped), as the
//   source of a template parameter or parameter pack (the compilation
//   unit's instead), as the return type of a function returning void
//   (OpTypeVoid), as a DebugFunction's declaration (dropped), and as the
//   linkage name of a class in an anonymous namespace (its name).
#include "DebugInfoFixup.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"

#include "spirv-tools/libspirv.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

namespace dpex {
namespace {

constexpr uint32_t OpString = 7, OpExtInst = 12, OpTypeInt = 21,
                   OpConstantTrue = 41, OpConstantFalse = 42, OpConstant = 43,
                   OpFunction = 54, HeaderWords = 5;
// OpenCL.DebugInfo.100 instruction numbers, and word positions (word 0 is
// the opcode) in an OpExtInst.
constexpr uint32_t DebugInfoNone = 0, DebugCompilationUnit = 1,
                   DebugTypeBasic = 2, DebugTypePointer = 3,
                   DebugTypeQualifier = 4, DebugTypeArray = 5, DebugTypedef = 7,
                   DebugTypeFunction = 8, DebugTypeEnum = 9,
                   DebugTypeComposite = 10, DebugTypeMember = 11,
                   DebugTypeTemplate = 14, DebugTypeTemplateParameter = 15,
                   DebugTypeTemplateParameterPack = 17,
                   DebugFunctionDeclaration = 19, DebugFunction = 20,
                   DebugLexicalBlockDiscriminator = 22, DebugSource = 35;
constexpr uint32_t DebugOpWord = 4, PointerStorageClassWord = 6,
                   SourceTextWord = 6, ArrayCountsWord = 6, UnitSourceWord = 7,
                   TemplateParameterTypeWord = 6,
                   TemplateParameterValueWord = 7,
                   TemplateParameterSourceWord = 8, TemplateTargetWord = 5,
                   TemplateParametersWord = 6,
                   TemplateParameterPackSourceWord = 6,
                   TemplateParameterPackParametersWord = 9,
                   MemberValueWord = 14, QualifierBaseWord = 5,
                   PointerBaseWord = 5, TypedefBaseWord = 6, ArrayBaseWord = 5,
                   FunctionReturnTypeWord = 6, CompositeNameWord = 5,
                   CompositeLinkageNameWord = 11, CompositeSizeWord = 12,
                   CompositeMembersWord = 14, FunctionWord = 14,
                   FunctionDeclarationWord = 15, DiscriminatorParentWord = 7;
constexpr uint32_t StorageClassCrossWorkgroup = 5, StorageClassGeneric = 8,
                   NoStorageClass = ~0u;

struct Instruction {
  std::vector<uint32_t> Words;
  std::vector<uint32_t> IdWords; // positions of ids it refers to
  uint32_t Result = 0;
  bool Debug = false; // an OpenCL.DebugInfo.100 instruction
  uint32_t opcode() const { return Words[0] & 0xffff; }
  uint32_t debugOp() const { return Words[DebugOpWord]; }
};

spv_result_t collect(void *Data, const spv_parsed_instruction_t *Parsed) {
  Instruction I;
  I.Words.assign(Parsed->words, Parsed->words + Parsed->num_words);
  I.Result = Parsed->result_id;
  I.Debug = Parsed->ext_inst_type == SPV_EXT_INST_TYPE_OPENCL_DEBUGINFO_100;
  for (uint16_t O = 0; O < Parsed->num_operands; ++O) {
    const spv_parsed_operand_t &Operand = Parsed->operands[O];
    switch (Operand.type) {
    case SPV_OPERAND_TYPE_ID:
    case SPV_OPERAND_TYPE_TYPE_ID:
    case SPV_OPERAND_TYPE_MEMORY_SEMANTICS_ID:
    case SPV_OPERAND_TYPE_SCOPE_ID:
      I.IdWords.push_back(Operand.offset);
      break;
    default:
      break;
    }
  }
  static_cast<std::vector<Instruction> *>(Data)->push_back(std::move(I));
  return SPV_SUCCESS;
}

// Whether word `W` of `I` may name an id defined after `I`.
bool mayReferenceForward(const Instruction &I, uint32_t W) {
  return (I.debugOp() == DebugTypeComposite && W >= CompositeMembersWord) ||
         (I.debugOp() == DebugFunction && W == FunctionWord);
}

class DebugInfoFixup {
public:
  DebugInfoFixup(std::vector<Instruction> &Module, size_t RunBegin,
                 size_t RunEnd, uint32_t &IdBound)
      : Module(Module), RunBegin(RunBegin), RunEnd(RunEnd), IdBound(IdBound) {
    index();
  }

  void run() {
    replaceUnacceptedTypes();
    for (size_t I = RunBegin; I < RunEnd; ++I)
      fixOperands(Module[I]);
    insertBeforeRun(std::move(Constants));
    fixTemplates();
    pointToBasicTypes();
    dropMethodDeclarations();
    reorder();
  }

private:
  void index() {
    Defining.clear();
    for (size_t I = 0; I < Module.size(); ++I)
      if (Module[I].Result)
        Defining[Module[I].Result] = I;
  }

  // This SPIRV-Tools takes only basic types as the base of a pointer. A
  // pointer to a const T points to T; to a typedef or an enum, to the type
  // beneath; to an array (a reference to one, as range-for makes), to its
  // element type; to a class, to a basic type of its name and size standing
  // in for it (encoding Unspecified); to void (DebugInfoNone) or anything
  // else (a pointer, a function), to a basic type "void" of size 0.
  void pointToBasicTypes() {
    llvm::DenseMap<uint32_t, uint32_t> StandIns;
    std::vector<Instruction> Added;
    for (size_t I = RunBegin; I < RunEnd; ++I) {
      Instruction &Pointer = Module[I];
      if (Pointer.debugOp() != DebugTypePointer)
        continue;
      uint32_t Base = Pointer.Words[PointerBaseWord];
      while (const Instruction *B = debugInstruction(Base)) {
        uint32_t Op = B->debugOp();
        if (Op == DebugTypeQualifier)
          Base = B->Words[QualifierBaseWord];
        else if (Op == DebugTypedef || Op == DebugTypeEnum)
          Base = B->Words[TypedefBaseWord];
        else if (Op == DebugTypeArray)
          Base = B->Words[ArrayBaseWord];
        else
          break;
      }
      if (const Instruction *Class = debugInstruction(Base);
          Class && Class->debugOp() == DebugTypeComposite) {
        auto [StandIn, New] = StandIns.try_emplace(Base, IdBound);
        if (New)
          Added.push_back(basicStandIn(*Class, IdBound++));
        Base = StandIn->second;
      } else if (!is(Base, DebugTypeBasic)) {
        if (!VoidStandIn) {
          VoidStandIn = IdBound++;
          Added.push_back(voidStandIn(Pointer, VoidStandIn));
        }
        Base = VoidStandIn;
      }
      Pointer.Words[PointerBaseWord] = Base;
    }
    Module.insert(Module.begin() + RunEnd, Added.begin(), Added.end());
    RunEnd += Added.size();
    insertBeforeRun(std::exchange(Constants, {}));
    insertVoidName();
  }

  // A basic type "void" of size 0 (encoding Unspecified), in the debug
  // instruction set of `Pointer`. Its name goes in VoidName, its size with
  // the constants created for the run.
  Instruction voidStandIn(const Instruction &Pointer, uint32_t Result) {
    constexpr uint32_t EncodingUnspecified = 0;
    uint32_t Name = IdBound++;
    VoidName = makeInstruction(OpString, {Name}, {}, Name);
    const char Void[] = "void";
    uint32_t Text[2] = {};
    std::memcpy(Text, Void, sizeof(Void));
    VoidName.Words.insert(VoidName.Words.end(), std::begin(Text),
                          std::end(Text));
    setWordCount(VoidName);
    Instruction I = makeInstruction(OpExtInst,
                                    {Pointer.Words[1], Result, Pointer.Words[3],
                                     DebugTypeBasic, Name, uint32Constant(0),
                                     EncodingUnspecified},
                                    {1, 3, 5, 6}, Result);
    I.Debug = true;
    return I;
  }

  // VoidName, if created, after the module's last OpString.
  void insertVoidName() {
    if (!VoidStandIn)
      return;
    size_t At = 0;
    for (size_t I = 0; I < RunBegin; ++I)
      if (Module[I].opcode() == OpString)
        At = I + 1;
    Module.insert(Module.begin() + At, std::move(VoidName));
    ++RunBegin;
    ++RunEnd;
    index();
  }

  static Instruction basicStandIn(const Instruction &Class, uint32_t Result) {
    constexpr uint32_t EncodingUnspecified = 0;
    Instruction I =
        makeInstruction(OpExtInst,
                        {Class.Words[1], Result, Class.Words[3], DebugTypeBasic,
                         Class.Words[CompositeNameWord],
                         Class.Words[CompositeSizeWord], EncodingUnspecified},
                        {1, 3, 5, 6}, Result);
    I.Debug = true;
    return I;
  }

  // `Operands` follow the opcode word; `IdWords` are word positions.
  static Instruction makeInstruction(uint32_t Opcode,
                                     std::vector<uint32_t> Operands,
                                     std::vector<uint32_t> IdWords,
                                     uint32_t Result) {
    Instruction I;
    I.Words.push_back(Opcode);
    I.Words.insert(I.Words.end(), Operands.begin(), Operands.end());
    setWordCount(I);
    I.IdWords = std::move(IdWords);
    I.Result = Result;
    return I;
  }

  static void setWordCount(Instruction &I) {
    I.Words[0] = static_cast<uint32_t>(I.Words.size()) << 16 | I.opcode();
  }

  // The module's global instructions that precede the run may be used by
  // it: created types and constants go there.
  void insertBeforeRun(std::vector<Instruction> Added) {
    Module.insert(Module.begin() + RunBegin, Added.begin(), Added.end());
    RunBegin += Added.size();
    RunEnd += Added.size();
    index();
  }

  // The OpConstant `Value` is or stands for: an OpConstantTrue or
  // OpConstantFalse as a 32-bit integer 1 or 0 (an OpConstant may not be a
  // bool). 0 when there is none.
  uint32_t asOpConstant(uint32_t Value) {
    auto Def = Defining.find(Value);
    if (Def == Defining.end())
      return 0;
    uint32_t Op = Module[Def->second].opcode();
    if (Op == OpConstant)
      return Value;
    if (Op != OpConstantTrue && Op != OpConstantFalse)
      return 0;
    return uint32Constant(Op == OpConstantTrue);
  }

  // The module's OpConstant of a 32-bit integer `Value`, created if it has
  // none.
  uint32_t uint32Constant(uint32_t Value) {
    uint32_t &Id = Value ? One : Zero;
    if (Id)
      return Id;
    uint32_t Type = uint32Type();
    for (const Instruction &I : Module)
      if (I.opcode() == OpConstant && I.Words[1] == Type && I.Words[3] == Value)
        return Id = I.Result;
    Id = IdBound++;
    Constants.push_back(
        makeInstruction(OpConstant, {Type, Id, Value}, {1}, Id));
    return Id;
  }

  uint32_t uint32Type() {
    if (UInt32)
      return UInt32;
    for (const Instruction &I : Module)
      if (I.opcode() == OpTypeInt && I.Words[2] == 32 && I.Words[3] == 0)
        return UInt32 = I.Result;
    UInt32 = IdBound++;
    Constants.insert(Constants.begin(),
                     makeInstruction(OpTypeInt, {UInt32, 32, 0}, {}, UInt32));
    return UInt32;
  }

  bool is(uint32_t Id, uint32_t DebugOp) const {
    auto Def = Defining.find(Id);
    return Def != Defining.end() && Module[Def->second].Debug &&
           Module[Def->second].debugOp() == DebugOp;
  }
  Instruction *debugInstruction(uint32_t Id) {
    auto Def = Defining.find(Id);
    return Def != Defining.end() && Module[Def->second].Debug
               ? &Module[Def->second]
               : nullptr;
  }

  // Uses of a class template instantiation name its DebugTypeTemplate,
  // which spirv-val does not take for a type or a parent: they name the
  // class (the template's target) instead. Then a const qualifier or a
  // typedef of anything but a basic type, which this SPIRV-Tools rejects
  // too, is replaced by the type beneath. A lexical block discriminator (an
  // LLVM DILexicalBlockFile: a block's code from another file), which it
  // does not take for a scope, is replaced by its parent scope; the lines
  // keep their file.
  void replaceUnacceptedTypes() {
    replaceUses(DebugTypeTemplate, TemplateTargetWord,
                [](const Instruction &) { return true; });
    llvm::DenseMap<uint32_t, uint32_t> Qualifiers = replaceUses(
        DebugTypeQualifier, QualifierBaseWord, [&](const Instruction &Q) {
          return !is(Q.Words[QualifierBaseWord], DebugTypeBasic);
        });
    for (auto [Qualifier, Base] : Qualifiers)
      Dropped.insert(Qualifier);
    llvm::DenseMap<uint32_t, uint32_t> Typedefs =
        replaceUses(DebugTypedef, TypedefBaseWord, [&](const Instruction &T) {
          return !is(T.Words[TypedefBaseWord], DebugTypeBasic);
        });
    for (auto [Typedef, Base] : Typedefs)
      Dropped.insert(Typedef);
    llvm::DenseMap<uint32_t, uint32_t> Discriminators =
        replaceUses(DebugLexicalBlockDiscriminator, DiscriminatorParentWord,
                    [](const Instruction &) { return true; });
    for (auto [Discriminator, Parent] : Discriminators)
      Dropped.insert(Discriminator);
  }

  // spirv-val takes a class or a DebugFunction as a template's target, and
  // no parameter pack among its parameters. A type parameter whose
  // argument is void (`typename = std::enable_if_t<...>`) has no debug
  // type, DebugInfoNone, which it rejects: that parameter goes. The template of
  // a method template's declaration goes (nothing refers to a template after
  // replaceUnacceptedTypes(); a compiled method's DebugFunction has a
  // template of its own). A pack's parameters become the template's own,
  // which keeps their types but not the pack's name.
  void fixTemplates() {
    for (size_t I = RunBegin; I < RunEnd; ++I) {
      Instruction &Template = Module[I];
      if (Template.debugOp() != DebugTypeTemplate)
        continue;
      if (is(Template.Words[TemplateTargetWord], DebugFunctionDeclaration)) {
        Dropped.insert(Template.Result);
        continue;
      }
      std::vector<uint32_t> Parameters;
      auto Add = [&](uint32_t Parameter) {
        const Instruction *P = debugInstruction(Parameter);
        if (P && P->debugOp() == DebugTypeTemplateParameter &&
            is(P->Words[TemplateParameterTypeWord], DebugInfoNone)) {
          Dropped.insert(Parameter);
          return;
        }
        Parameters.push_back(Parameter);
      };
      for (size_t W = TemplateParametersWord; W < Template.Words.size(); ++W) {
        const Instruction *Pack = debugInstruction(Template.Words[W]);
        if (Pack && Pack->debugOp() == DebugTypeTemplateParameterPack) {
          for (size_t PW = TemplateParameterPackParametersWord;
               PW < Pack->Words.size(); ++PW)
            Add(Pack->Words[PW]);
          Dropped.insert(Pack->Result);
        } else {
          Add(Template.Words[W]);
        }
      }
      Template.Words.resize(TemplateParametersWord);
      Template.Words.insert(Template.Words.end(), Parameters.begin(),
                            Parameters.end());
      setWordCount(Template);
      Template.IdWords = {1, 3};
      for (uint32_t W = TemplateTargetWord; W < Template.Words.size(); ++W)
        Template.IdWords.push_back(W);
    }
  }

  // Declarations of methods, left unlisted by fixOperands(), and the types
  // only they used (the methods' `this` pointers to their class, which this
  // SPIRV-Tools rejects: it takes pointers to basic types only).
  void dropMethodDeclarations() {
    for (size_t I = RunBegin; I < RunEnd; ++I)
      if (Module[I].debugOp() == DebugFunctionDeclaration)
        Dropped.insert(Module[I].Result);
    for (bool Changed = true; Changed;) {
      Changed = false;
      llvm::DenseSet<uint32_t> Used;
      for (const Instruction &I : Module)
        if (!Dropped.count(I.Result))
          for (uint32_t W : I.IdWords)
            Used.insert(I.Words[W]);
      for (size_t I = RunBegin; I < RunEnd; ++I) {
        uint32_t Op = Module[I].debugOp();
        if ((Op == DebugTypePointer || Op == DebugTypeFunction) &&
            !Used.count(Module[I].Result) &&
            Dropped.insert(Module[I].Result).second)
          Changed = true;
      }
    }
  }

  // Every use of a `DebugOp` instruction that `Replace` selects becomes a
  // use of the id in its word `By`. Returns what was replaced by what.
  template <typename Predicate>
  llvm::DenseMap<uint32_t, uint32_t> replaceUses(uint32_t DebugOp, uint32_t By,
                                                 Predicate Replace) {
    llvm::DenseMap<uint32_t, uint32_t> With;
    for (size_t I = RunBegin; I < RunEnd; ++I)
      if (Module[I].debugOp() == DebugOp && Replace(Module[I]))
        With[Module[I].Result] = Module[I].Words[By];
    // A replaced instruction's base may be replaced too (a typedef of a
    // typedef, as alias templates give): follow it to the end.
    for (auto &Entry : With)
      for (auto Next = With.find(Entry.second); Next != With.end();
           Next = With.find(Entry.second))
        Entry.second = Next->second;
    for (Instruction &I : Module) {
      if (I.Debug && I.debugOp() == DebugOp)
        continue;
      for (uint32_t W : I.IdWords)
        if (auto R = With.find(I.Words[W]); R != With.end())
          I.Words[W] = R->second;
    }
    return With;
  }

  void fixOperands(Instruction &I) {
    std::vector<uint32_t> &Words = I.Words;
    switch (I.debugOp()) {
    case DebugCompilationUnit:
      UnitSource = Words[UnitSourceWord];
      break;
    case DebugSource:
      if (Words.size() == SourceTextWord + 1 &&
          is(Words[SourceTextWord], DebugInfoNone))
        dropWords(I, SourceTextWord);
      break;
    case DebugTypeArray:
      for (size_t W = Words.size(); W-- > ArrayCountsWord;)
        if (is(Words[W], DebugInfoNone))
          dropWords(I, W);
      break;
    case DebugFunction:
      if (Words.size() == FunctionDeclarationWord + 1 &&
          is(Words[FunctionDeclarationWord], DebugInfoNone))
        dropWords(I, FunctionDeclarationWord);
      break;
    case DebugTypeFunction:
      // A function returning void: the format wants OpTypeVoid, which is
      // every debug instruction's result type.
      if (is(Words[FunctionReturnTypeWord], DebugInfoNone))
        Words[FunctionReturnTypeWord] = Words[1];
      break;
    case DebugTypeTemplateParameter:
      if (uint32_t Value = asOpConstant(Words[TemplateParameterValueWord]))
        Words[TemplateParameterValueWord] = Value;
      replaceNoneSource(I, TemplateParameterSourceWord);
      break;
    case DebugTypeTemplateParameterPack:
      replaceNoneSource(I, TemplateParameterPackSourceWord);
      break;
    case DebugTypeMember:
      if (Words.size() == MemberValueWord + 1) {
        if (uint32_t Value = asOpConstant(Words[MemberValueWord]))
          Words[MemberValueWord] = Value;
        else
          dropWords(I, MemberValueWord);
      }
      break;
    case DebugTypeComposite:
      // A class without a linkage name (in an anonymous namespace): the
      // format wants a string there, the class's name serves.
      if (is(Words[CompositeLinkageNameWord], DebugInfoNone))
        Words[CompositeLinkageNameWord] = Words[CompositeNameWord];
      for (size_t W = Words.size(); W-- > CompositeMembersWord;)
        if (is(Words[W], DebugFunctionDeclaration))
          dropWords(I, W);
      break;
    }
  }

  void replaceNoneSource(Instruction &I, size_t W) {
    if (is(I.Words[W], DebugInfoNone) && UnitSource)
      I.Words[W] = UnitSource;
  }

  static void dropWords(Instruction &I, size_t W) {
    I.Words.erase(I.Words.begin() + W);
    I.IdWords.erase(std::remove(I.IdWords.begin(), I.IdWords.end(), W),
                    I.IdWords.end());
    for (uint32_t &Id : I.IdWords)
      if (Id > W)
        --Id;
    setWordCount(I);
  }

  // The run, each instruction after those it may not reference forward.
  void reorder() {
    std::vector<Instruction> Ordered;
    Ordered.reserve(RunEnd - RunBegin);
    llvm::DenseSet<size_t> Visited;
    std::function<void(size_t)> Visit = [&](size_t Index) {
      if (!Visited.insert(Index).second)
        return;
      const Instruction &I = Module[Index];
      for (uint32_t W : I.IdWords) {
        if (mayReferenceForward(I, W))
          continue;
        auto Def = Defining.find(I.Words[W]);
        if (Def != Defining.end() && Def->second >= RunBegin &&
            Def->second < RunEnd)
          Visit(Def->second);
      }
      Ordered.push_back(I);
    };
    for (size_t I = RunBegin; I < RunEnd; ++I)
      if (!Dropped.count(Module[I].Result))
        Visit(I);
    std::move(Ordered.begin(), Ordered.end(), Module.begin() + RunBegin);
    Module.erase(Module.begin() + RunBegin + Ordered.size(),
                 Module.begin() + RunEnd);
  }

  std::vector<Instruction> &Module;
  size_t RunBegin, RunEnd;
  uint32_t &IdBound; // the module's, grows with the stand-ins
  llvm::DenseMap<uint32_t, size_t> Defining;
  uint32_t UnitSource = 0;          // the DebugSource of the compilation unit
  llvm::DenseSet<uint32_t> Dropped; // instructions left out of the module
  // Created for asOpConstant(), to go before the run.
  std::vector<Instruction> Constants;
  uint32_t UInt32 = 0, Zero = 0, One = 0;
  // Created by pointToBasicTypes() for pointers to void.
  uint32_t VoidStandIn = 0;
  Instruction VoidName;
};

// Before parsing, what SPIRV-Tools' parser itself rejects: the storage
// class ~0, the id 0 the translator gives an imported entity's source (a
// C++ using-declaration, such as <cmath>'s; nothing refers to one, so they
// go), and a template parameter pack read as a template template
// parameter. The Generic storage class is replaced here too, where the
// capabilities are at hand.
void fixBeforeParsing(std::vector<uint32_t> &Words) {
  constexpr uint32_t OpCapability = 17, OpExtInstImport = 11,
                     CapabilityGenericPointer = 38,
                     TranslatorTemplateParameterPack = 16,
                     DebugImportedEntity = 34;
  uint32_t DebugSet = 0;
  bool GenericPointers = false;
  std::vector<uint32_t> Kept(Words.begin(), Words.begin() + HeaderWords);
  size_t I = HeaderWords;
  while (I < Words.size()) {
    uint32_t Count = Words[I] >> 16, Op = Words[I] & 0xffff;
    if (Count == 0 || I + Count > Words.size())
      return; // not a binary the translator wrote; spirv-val will say so
    if (Op == OpExtInstImport && Count > 2 &&
        llvm::StringRef(reinterpret_cast<const char *>(&Words[I + 2]),
                        (Count - 2) * sizeof(uint32_t))
            .startswith("OpenCL.DebugInfo.100"))
      DebugSet = Words[I + 1];
    if (Op == OpCapability && Count > 1 &&
        Words[I + 1] == CapabilityGenericPointer)
      GenericPointers = true;
    bool Debug = Op == OpExtInst && DebugSet && Count > DebugOpWord &&
                 Words[I + 3] == DebugSet;
    if (Debug && Words[I + DebugOpWord] == DebugTypePointer &&
        Count > PointerStorageClassWord) {
      uint32_t &Class = Words[I + PointerStorageClassWord];
      if (Class == NoStorageClass)
        Class = StorageClassGeneric;
      if (Class == StorageClassGeneric && !GenericPointers)
        Class = StorageClassCrossWorkgroup;
    }
    if (Debug && Words[I + DebugOpWord] == TranslatorTemplateParameterPack)
      Words[I + DebugOpWord] = DebugTypeTemplateParameterPack;
    if (!(Debug && Words[I + DebugOpWord] == DebugImportedEntity))
      Kept.insert(Kept.end(), Words.begin() + I, Words.begin() + I + Count);
    I += Count;
  }
  Words = std::move(Kept);
}

} // namespace

void fixUpDebugInfo(std::string &Binary) {
  std::vector<uint32_t> Words(Binary.size() / sizeof(uint32_t));
  std::memcpy(Words.data(), Binary.data(), Words.size() * sizeof(uint32_t));
  if (Words.size() < HeaderWords)
    return;
  fixBeforeParsing(Words);
  std::vector<Instruction> Module;
  spv_context Context = spvContextCreate(SPV_ENV_UNIVERSAL_1_1);
  spv_result_t Parsed = spvBinaryParse(Context, &Module, Words.data(),
                                       Words.size(), nullptr, collect, nullptr);
  spvContextDestroy(Context);
  if (Parsed != SPV_SUCCESS)
    return; // spirv-val will say what is wrong

  // The translator writes the global section's debug instructions as one
  // run before the first function.
  size_t RunBegin = Module.size(), RunEnd = Module.size();
  for (size_t I = 0; I < Module.size(); ++I) {
    if (Module[I].opcode() == OpFunction)
      break;
    if (!Module[I].Debug)
      continue;
    if (RunBegin == Module.size())
      RunBegin = I;
    else if (RunEnd != I)
      break;
    RunEnd = I + 1;
  }
  if (RunBegin == Module.size())
    return;
  DebugInfoFixup(Module, RunBegin, RunEnd, Words[3]).run();

  Words.resize(HeaderWords);
  for (const Instruction &I : Module)
    Words.insert(Words.end(), I.Words.begin(), I.Words.end());
  Binary.assign(reinterpret_cast<const char *>(Words.data()),
                Words.size() * sizeof(uint32_t));
}

} // namespace dpex

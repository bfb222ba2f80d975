// The fault-injection rules shared by the simulated CUDA driver and the
// OpenCL forwarding shim (test-only): a spec <entry>:<n>[:<result>][,...]
// makes the n-th call of <entry> fail with <result>, or with the entry's
// default failure when <result> is left out.
#ifndef DPEX_TEST_SIM_FAULTRULES_H
#define DPEX_TEST_SIM_FAULTRULES_H

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace dpexsim {

template <typename Result> struct FaultRule {
  unsigned long n;
  Result result;
};

template <typename Result>
using FaultRules = std::map<std::string, std::vector<FaultRule<Result>>>;

// Parses `spec` (null: no rules) into `rules`. `resultOf(entry, text, ok)`
// gives the result a rule injects: `text` is the rule's <result>, empty for
// the default; it clears `ok` for a result it does not know.
template <typename Result, typename ResultOf>
bool parseFaultRules(const char *spec, FaultRules<Result> &rules,
                     ResultOf resultOf) {
  rules.clear();
  std::string text = spec ? spec : "";
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string::npos)
      end = text.size();
    std::string item = text.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty())
      continue;
    std::size_t colon = item.find(':');
    if (colon == std::string::npos)
      return false;
    std::string entry = item.substr(0, colon);
    std::string count = item.substr(colon + 1);
    std::string result;
    if (std::size_t second = count.find(':'); second != std::string::npos) {
      result = count.substr(second + 1);
      count = count.substr(0, second);
    }
    char *endNumber = nullptr;
    unsigned long n = std::strtoul(count.c_str(), &endNumber, 10);
    bool ok = true;
    Result injected = resultOf(entry, result, ok);
    if (count.empty() || *endNumber || n == 0 || !ok)
      return false;
    rules[entry].push_back({n, injected});
  }
  return true;
}

// Counts nothing itself: returns the result of the rule for the n-th call of
// `entry`, or `none`.
template <typename Result>
Result injectedResult(const FaultRules<Result> &rules, const char *entry,
                      unsigned long n, Result none) {
  auto it = rules.find(entry);
  if (it != rules.end())
    for (const FaultRule<Result> &rule : it->second)
      if (rule.n == n)
        return rule.result;
  return none;
}

} // namespace dpexsim

#endif

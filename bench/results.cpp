#include "results.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace bench {

namespace {

std::string quote(const std::string &s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

std::string number(double v) {
  if (!std::isfinite(v))
    return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

} // namespace

bool meets(const Result &r) {
  if (r.target.size() < 3)
    return true;
  double bound = std::stod(r.target.substr(3));
  return r.target[0] == '<' ? r.ratio <= bound : r.ratio >= bound;
}

void writeJson(const Report &report, const std::string &path) {
  std::ofstream out(path);
  if (!out)
    throw std::runtime_error("cannot write " + path);
  out << "{\n  \"meta\": {";
  for (std::size_t i = 0; i < report.meta.size(); ++i)
    out << (i ? ",\n    " : "\n    ") << quote(report.meta[i].first) << ": "
        << quote(report.meta[i].second);
  out << "\n  },\n  \"results\": [";
  for (std::size_t i = 0; i < report.results.size(); ++i) {
    const Result &r = report.results[i];
    out << (i ? ",\n    " : "\n    ") << "{\"section\": " << quote(r.section)
        << ", \"key\": " << quote(r.key) << ", \"name\": " << quote(r.name)
        << ", \"unit\": " << quote(r.unit) << ", \"dpex\": " << number(r.dpex)
        << ", \"baseline\": " << number(r.baseline)
        << ", \"baseline_name\": " << quote(r.baselineName)
        << ", \"ratio_name\": " << quote(r.ratioName)
        << ", \"ratio\": " << number(r.ratio)
        << ", \"target\": " << quote(r.target)
        << ", \"met\": " << (meets(r) ? "true" : "false")
        << ", \"reps\": " << r.reps << ", \"note\": " << quote(r.note) << "}";
  }
  out << "\n  ]\n}\n";
}

} // namespace bench

// The persistent program cache: device binaries a driver built from a
// module's image, kept on disk so that later processes load them instead of
// building again (docs/runtime.md, "Program cache").
//
// One file per entry, named by a digest of its key: a header (magic, format
// version, the full key, the payload's length and digest) and the payload.
// Writers write a temporary file in the same directory and rename it over
// the entry, so that readers see a whole entry or none, with no locks;
// readers verify everything and treat any mismatch as a miss. Failing to
// read or write never fails a build: the runtime then runs without caching.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace dpex::rt {

// Everything a device binary depends on. Two builds with equal identities
// may share a binary; any difference (a changed image, another driver
// version, other build options) is another entry.
struct ProgramIdentity {
  std::string imageFormat; // "spirv", "spir", "ptx"
  std::uint64_t imageDigest = 0;
  std::size_t imageSize = 0;
  std::string backend; // "opencl", "cuda"
  std::string platform;
  std::string vendor;
  std::string device;
  std::string driverVersion;
  std::string buildOptions;
};

// The canonical text of `identity`, with the stub ABI and the cache format
// versions: what an entry's header echoes in full.
std::string programCacheKey(const ProgramIdentity &identity);

struct ProgramCacheConfig {
  bool enabled = false;
  std::string directory;
  std::uint64_t maxBytes = 0;
  // Why it is disabled, or a note on a variable that was not understood.
  std::string note;

  // From DPEX_CACHE, DPEX_CACHE_DIR, XDG_CACHE_HOME, HOME and
  // DPEX_CACHE_MAX_SIZE.
  static ProgramCacheConfig fromEnvironment();
};

// "64M", "1G", "4096": bytes, with an optional K, M or G suffix (powers of
// 1024). Nothing if the text is not such a size.
std::optional<std::uint64_t> parseCacheSize(const std::string &text);

class ProgramCache {
public:
  static constexpr std::uint32_t FormatVersion = 1;
  static constexpr std::uint64_t DefaultMaxBytes = std::uint64_t{1} << 30;

  explicit ProgramCache(ProgramCacheConfig config);

  // The process's cache, configured from the environment on first use.
  static ProgramCache &instance();

  bool enabled() const { return config_.enabled; }
  const std::string &directory() const { return config_.directory; }

  // The entry's file name for `key` (in directory()).
  static std::string entryName(const std::string &key);

  // The payload stored under `key`, verified; nothing on a miss or a
  // rejected entry. `what` names the program in trace lines. Marks the
  // entry as recently used.
  std::optional<std::vector<unsigned char>> load(const std::string &key,
                                                 const std::string &what);

  // Stores (or replaces) the entry for `key`, evicting the least recently
  // used entries first so that the directory stays within the size limit.
  // Returns whether it was stored; failures are traced, never reported.
  bool store(const std::string &key, const unsigned char *payload,
             std::size_t size, const std::string &what);

  // Bytes of the entries now in the directory.
  std::uint64_t sizeOnDisk() const;

private:
  // Removes the oldest entries (and stale temporary files) until `incoming`
  // more bytes fit; never `keep`.
  void evict(std::uint64_t incoming, const std::string &keep);
  // Stops storing after the first failure to write, with one trace line.
  void disableStores(const std::string &why);

  ProgramCacheConfig config_;
  std::mutex mutex_;
  bool storesDisabled_ = false;
};

} // namespace dpex::rt

#include "ProgramCache.h"

#include "Trace.h"

#include <dpex/detail/image_digest.hpp>
#include <dpex/detail/stub_abi.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dpex::rt {

namespace {

constexpr char Magic[8] = {'D', 'P', 'E', 'X', 'P', 'R', 'G', '\n'};
constexpr const char *EntrySuffix = ".dpexbin";
constexpr const char *TempPrefix = ".tmp-";
// A temporary file this old belongs to a process that died mid-write.
constexpr std::int64_t StaleTempSeconds = 3600;

// The header, in the writer's byte order: an entry from a host of the
// other order fails the version check and is rebuilt.
struct Header {
  char magic[8];
  std::uint32_t formatVersion;
  std::uint32_t keyLength;
  std::uint64_t payloadLength;
  std::uint64_t payloadDigest;
};
static_assert(sizeof(Header) == 32, "the header has no padding");

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

std::uint64_t digestOf(const std::string &text) {
  return detail::image_digest(
      reinterpret_cast<const unsigned char *>(text.data()), text.size());
}

bool endsWith(const std::string &text, const std::string &suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// mkdir -p, the directories it creates private to the user (0700).
int makeDirectories(const std::string &path) {
  struct stat info;
  if (stat(path.c_str(), &info) == 0)
    return S_ISDIR(info.st_mode) ? 0 : ENOTDIR;
  std::size_t slash = path.find_last_of('/');
  if (slash != std::string::npos && slash != 0)
    if (int err = makeDirectories(path.substr(0, slash)); err != 0)
      return err;
  if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
    return errno;
  return 0;
}

bool writeAll(int fd, const void *data, std::size_t size) {
  const auto *bytes = static_cast<const unsigned char *>(data);
  while (size > 0) {
    ssize_t written = write(fd, bytes, size);
    if (written < 0 && errno == EINTR)
      continue;
    if (written <= 0)
      return false;
    bytes += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

bool readAll(int fd, unsigned char *data, std::size_t size) {
  while (size > 0) {
    ssize_t got = read(fd, data, size);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return false;
    data += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

std::string lower(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string nonEmptyEnv(const char *name) {
  const char *value = std::getenv(name);
  return value ? value : "";
}

std::int64_t mtimeNs(const struct stat &info) {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 +
         info.st_mtim.tv_nsec;
}

} // namespace

std::string programCacheKey(const ProgramIdentity &id) {
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016" PRIx64, id.imageDigest);
  // One field a line: no field can contain a newline that would let two
  // identities share a text (device and platform names do not have one).
  return "cache format " + std::to_string(ProgramCache::FormatVersion) +
         "\nstub abi " + std::to_string(detail::stub_abi_version) + "\nimage " +
         id.imageFormat + " " + digest + " " + std::to_string(id.imageSize) +
         "\nbackend " + id.backend + "\nplatform " + id.platform + "\nvendor " +
         id.vendor + "\ndevice " + id.device + "\ndriver " + id.driverVersion +
         "\noptions " + id.buildOptions + "\n";
}

std::optional<std::uint64_t> parseCacheSize(const std::string &text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0])))
    return std::nullopt;
  errno = 0;
  char *end = nullptr;
  unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  if (errno != 0)
    return std::nullopt;
  std::string suffix = lower(end);
  unsigned shift = 0;
  if (suffix == "k")
    shift = 10;
  else if (suffix == "m")
    shift = 20;
  else if (suffix == "g")
    shift = 30;
  else if (!suffix.empty())
    return std::nullopt;
  if (shift && value > (~0ull >> shift))
    return std::nullopt;
  return static_cast<std::uint64_t>(value) << shift;
}

ProgramCacheConfig ProgramCacheConfig::fromEnvironment() {
  ProgramCacheConfig config;
  std::string mode = lower(nonEmptyEnv("DPEX_CACHE"));
  if (mode == "off" || mode == "0" || mode == "false" || mode == "no") {
    config.note = "off (DPEX_CACHE=" + nonEmptyEnv("DPEX_CACHE") + ")";
    return config;
  }
  if (std::string dir = nonEmptyEnv("DPEX_CACHE_DIR"); !dir.empty())
    config.directory = dir;
  else if (std::string xdg = nonEmptyEnv("XDG_CACHE_HOME");
           !xdg.empty() && xdg[0] == '/')
    config.directory = xdg + "/dpex";
  else if (std::string home = nonEmptyEnv("HOME"); !home.empty())
    config.directory = home + "/.cache/dpex";
  else {
    config.note = "off: no DPEX_CACHE_DIR, XDG_CACHE_HOME or HOME to put it in";
    return config;
  }
  while (config.directory.size() > 1 && config.directory.back() == '/')
    config.directory.pop_back();
  config.enabled = true;
  config.maxBytes = ProgramCache::DefaultMaxBytes;
  if (std::string max = nonEmptyEnv("DPEX_CACHE_MAX_SIZE"); !max.empty()) {
    if (std::optional<std::uint64_t> bytes = parseCacheSize(max))
      config.maxBytes = *bytes;
    else
      config.note = "DPEX_CACHE_MAX_SIZE='" + max +
                    "' is not a size (bytes, or a number with K, M or G); "
                    "using the default of 1G";
  }
  return config;
}

ProgramCache::ProgramCache(ProgramCacheConfig config)
    : config_(std::move(config)) {}

ProgramCache &ProgramCache::instance() {
  static ProgramCache cache = [] {
    ProgramCacheConfig config = ProgramCacheConfig::fromEnvironment();
    if (!config.note.empty())
      trace("program cache: %s", config.note.c_str());
    if (config.enabled)
      trace("program cache: %s (at most %" PRIu64 " bytes)",
            config.directory.c_str(), config.maxBytes);
    return ProgramCache(std::move(config));
  }();
  return cache;
}

std::string ProgramCache::entryName(const std::string &key) {
  // 128 bits from two FNV-1a passes (the second over the key behind a salt
  // byte); the header's full key settles any collision as a miss.
  char name[33];
  std::snprintf(name, sizeof name, "%016" PRIx64 "%016" PRIx64, digestOf(key),
                digestOf("\x01" + key));
  return std::string(name) + EntrySuffix;
}

std::optional<std::vector<unsigned char>>
ProgramCache::load(const std::string &key, const std::string &what) {
  if (!enabled())
    return std::nullopt;
  auto start = std::chrono::steady_clock::now();
  std::string path = config_.directory + "/" + entryName(key);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    trace("program cache: miss for %s", what.c_str());
    return std::nullopt;
  }
  std::string why;
  std::vector<unsigned char> payload;
  struct stat info;
  Header header;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    why = "not a regular file";
  } else if (static_cast<std::uint64_t>(info.st_size) < sizeof header ||
             !readAll(fd, reinterpret_cast<unsigned char *>(&header),
                      sizeof header)) {
    why = "truncated header";
  } else if (std::memcmp(header.magic, Magic, sizeof Magic) != 0) {
    why = "not a dpex program cache entry";
  } else if (header.formatVersion != FormatVersion) {
    why = "cache format " + std::to_string(header.formatVersion) +
          ", expected " + std::to_string(FormatVersion);
  } else if (static_cast<std::uint64_t>(info.st_size) !=
             sizeof header + std::uint64_t{header.keyLength} +
                 header.payloadLength) {
    why = "size " + std::to_string(info.st_size) + " bytes, the header says " +
          std::to_string(sizeof header + std::uint64_t{header.keyLength} +
                         header.payloadLength);
  } else {
    std::string stored(header.keyLength, '\0');
    payload.resize(header.payloadLength);
    if (!readAll(fd, reinterpret_cast<unsigned char *>(stored.data()),
                 stored.size()) ||
        !readAll(fd, payload.data(), payload.size()))
      why = "short read";
    else if (stored != key)
      why = "written for another key";
    else if (detail::image_digest(payload.data(), payload.size()) !=
             header.payloadDigest)
      why = "payload digest mismatch";
  }
  if (why.empty())
    futimens(fd, nullptr); // least recently used is oldest mtime
  close(fd);
  if (!why.empty()) {
    trace("program cache: rejected %s for %s (%s); rebuilding", path.c_str(),
          what.c_str(), why.c_str());
    return std::nullopt;
  }
  trace("program cache: hit for %s (%zu bytes, read and verified in %.3f ms)",
        what.c_str(), payload.size(), msSince(start));
  return payload;
}

void ProgramCache::disableStores(const std::string &why) {
  if (storesDisabled_)
    return;
  storesDisabled_ = true;
  trace("program cache: cannot write to %s (%s); running without storing",
        config_.directory.c_str(), why.c_str());
}

bool ProgramCache::store(const std::string &key, const unsigned char *payload,
                         std::size_t size, const std::string &what) {
  if (!enabled())
    return false;
  auto start = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  if (storesDisabled_)
    return false;
  std::uint64_t bytes = sizeof(Header) + key.size() + size;
  if (bytes > config_.maxBytes) {
    trace("program cache: not storing %s: %" PRIu64
          " bytes exceed the limit of %" PRIu64 " (DPEX_CACHE_MAX_SIZE)",
          what.c_str(), bytes, config_.maxBytes);
    return false;
  }
  if (int err = makeDirectories(config_.directory); err != 0) {
    disableStores(std::strerror(err));
    return false;
  }
  std::string name = entryName(key);
  std::string temp = config_.directory + "/" + TempPrefix + "XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    disableStores(std::strerror(errno));
    return false;
  }
  Header header;
  std::memcpy(header.magic, Magic, sizeof Magic);
  header.formatVersion = FormatVersion;
  header.keyLength = static_cast<std::uint32_t>(key.size());
  header.payloadLength = size;
  header.payloadDigest = detail::image_digest(payload, size);
  bool written = writeAll(fd, &header, sizeof header) &&
                 writeAll(fd, key.data(), key.size()) &&
                 writeAll(fd, payload, size);
  int writeErr = errno;
  if (close(fd) != 0 && written) {
    written = false;
    writeErr = errno;
  }
  if (!written) {
    unlink(temp.c_str());
    disableStores(std::strerror(writeErr));
    return false;
  }
  evict(bytes, name);
  std::string path = config_.directory + "/" + name;
  if (rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    disableStores(std::strerror(err));
    return false;
  }
  trace("program cache: stored %s (%zu bytes in %.3f ms)", what.c_str(), size,
        msSince(start));
  return true;
}

void ProgramCache::evict(std::uint64_t incoming, const std::string &keep) {
  DIR *dir = opendir(config_.directory.c_str());
  if (!dir)
    return;
  struct Entry {
    std::int64_t mtime;
    std::uint64_t size;
    std::string path;
  };
  std::vector<Entry> entries;
  std::uint64_t total = 0;
  std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  while (dirent *item = readdir(dir)) {
    std::string name = item->d_name;
    bool entry = endsWith(name, EntrySuffix);
    bool temp = name.compare(0, std::strlen(TempPrefix), TempPrefix) == 0;
    if ((!entry && !temp) || name == keep)
      continue;
    std::string path = config_.directory + "/" + name;
    struct stat info;
    if (stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
      continue;
    if (temp) {
      if (now - info.st_mtim.tv_sec > StaleTempSeconds)
        unlink(path.c_str());
      continue;
    }
    total += static_cast<std::uint64_t>(info.st_size);
    entries.push_back({mtimeNs(info), static_cast<std::uint64_t>(info.st_size),
                       std::move(path)});
  }
  closedir(dir);
  if (total + incoming <= config_.maxBytes)
    return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry &a, const Entry &b) { return a.mtime < b.mtime; });
  for (const Entry &entry : entries) {
    if (total + incoming <= config_.maxBytes)
      break;
    // Another process may have removed it already.
    if (unlink(entry.path.c_str()) == 0 || errno == ENOENT) {
      total -= entry.size;
      trace("program cache: evicted %s (%" PRIu64 " bytes)", entry.path.c_str(),
            entry.size);
    }
  }
}

std::uint64_t ProgramCache::sizeOnDisk() const {
  DIR *dir = opendir(config_.directory.c_str());
  if (!dir)
    return 0;
  std::uint64_t total = 0;
  while (dirent *item = readdir(dir)) {
    std::string name = item->d_name;
    struct stat info;
    if (endsWith(name, EntrySuffix) &&
        stat((config_.directory + "/" + name).c_str(), &info) == 0)
      total += static_cast<std::uint64_t>(info.st_size);
  }
  closedir(dir);
  return total;
}

} // namespace dpex::rt

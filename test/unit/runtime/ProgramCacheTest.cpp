// The program cache itself (core/ProgramCache), without a device: keys,
// configuration, the entry format and its verification, eviction and
// writes that leave no partial entry. ProgramCacheProcesses.cmake checks
// it across processes on the OpenCL devices.
#include "TestSupport.h"

#include "core/ProgramCache.h"

#include <dpex/detail/stub_abi.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

using dpex::rt::ProgramCache;
using dpex::rt::ProgramCacheConfig;
using dpex::rt::programCacheKey;
using dpex::rt::ProgramIdentity;
using dpex_test::ScopedEnv;

namespace {

// A fresh directory, removed with its files at the end of the test.
class TempDir {
public:
  TempDir() {
    const char *base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base && *base ? base : "/tmp") + "/dpex-pc-XXXXXX";
    REQUIRE(mkdtemp(pattern.data()));
    path_ = pattern;
  }
  ~TempDir() {
    std::string command = "rm -rf '" + path_ + "'";
    if (std::system(command.c_str()) != 0)
      std::fprintf(stderr, "could not remove %s\n", path_.c_str());
  }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

ProgramIdentity sampleIdentity() {
  ProgramIdentity id;
  id.imageFormat = "spirv";
  id.imageDigest = 0x0123456789abcdefull;
  id.imageSize = 1234;
  id.backend = "opencl";
  id.platform = "Intel(R) OpenCL";
  id.vendor = "Intel(R) Corporation";
  id.device = "AMD EPYC";
  id.driverVersion = "2023.16.7.0.21_160000";
  id.buildOptions = "";
  return id;
}

ProgramCache cacheIn(const std::string &dir,
                     std::uint64_t maxBytes = ProgramCache::DefaultMaxBytes) {
  ProgramCacheConfig config;
  config.enabled = true;
  config.directory = dir;
  config.maxBytes = maxBytes;
  return ProgramCache(config);
}

std::vector<unsigned char> bytes(std::size_t size, unsigned char seed) {
  std::vector<unsigned char> data(size);
  for (std::size_t i = 0; i < size; ++i)
    data[i] = static_cast<unsigned char>(seed + i * 7);
  return data;
}

std::vector<std::string> filesIn(const std::string &dir) {
  std::vector<std::string> names;
  if (DIR *d = opendir(dir.c_str())) {
    while (dirent *e = readdir(d))
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..")
        names.push_back(e->d_name);
    closedir(d);
  }
  return names;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const std::string &path, const std::string &content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

void setMtime(const std::string &path, long secondsAgo) {
  struct timeval now;
  gettimeofday(&now, nullptr);
  struct timeval times[2] = {now, now};
  times[0].tv_sec -= secondsAgo;
  times[1].tv_sec -= secondsAgo;
  REQUIRE(utimes(path.c_str(), times) == 0);
}

} // namespace

TEST_CASE("program cache: every part of the identity is in the key",
          "[program-cache]") {
  ProgramIdentity base = sampleIdentity();
  std::string key = programCacheKey(base);
  CHECK(key == programCacheKey(sampleIdentity()));
  CHECK(
      key.find("stub abi " + std::to_string(dpex::detail::stub_abi_version)) !=
      std::string::npos);
  CHECK(key.find("0123456789abcdef") != std::string::npos);

  std::vector<ProgramIdentity> variants(9, base);
  variants[0].imageFormat = "spir";
  variants[1].imageDigest ^= 1;
  variants[2].imageSize += 1;
  variants[3].backend = "cuda";
  variants[4].platform = "Portable Computing Language";
  variants[5].vendor = "The pocl project";
  variants[6].device = "cpu-haswell";
  variants[7].driverVersion = "2024.17.3";
  variants[8].buildOptions = "-x spir -spir-std=1.2";
  for (std::size_t i = 0; i < variants.size(); ++i) {
    INFO("variant " << i);
    std::string other = programCacheKey(variants[i]);
    CHECK(other != key);
    CHECK(ProgramCache::entryName(other) != ProgramCache::entryName(key));
  }
}

TEST_CASE("program cache: sizes", "[program-cache]") {
  using dpex::rt::parseCacheSize;
  CHECK(parseCacheSize("4096") == 4096u);
  CHECK(parseCacheSize("64K") == 64u << 10);
  CHECK(parseCacheSize("3m") == 3u << 20);
  CHECK(parseCacheSize("1G") == std::uint64_t{1} << 30);
  CHECK(parseCacheSize("0") == 0u);
  CHECK_FALSE(parseCacheSize(""));
  CHECK_FALSE(parseCacheSize("-1"));
  CHECK_FALSE(parseCacheSize("12T"));
  CHECK_FALSE(parseCacheSize("1GB"));
  CHECK_FALSE(parseCacheSize("big"));
  CHECK_FALSE(parseCacheSize("99999999999999999999"));
  CHECK_FALSE(parseCacheSize("17179869184G")); // overflows 64 bits
}

TEST_CASE("program cache: where the environment puts it", "[program-cache]") {
  ScopedEnv cache("DPEX_CACHE", "");
  ScopedEnv dir("DPEX_CACHE_DIR", "/somewhere/dpex-cache/");
  ScopedEnv xdg("XDG_CACHE_HOME", "/xdg");
  ScopedEnv home("HOME", "/home/user");
  ScopedEnv max("DPEX_CACHE_MAX_SIZE", "");
  ProgramCacheConfig config = ProgramCacheConfig::fromEnvironment();
  CHECK(config.enabled);
  CHECK(config.directory == "/somewhere/dpex-cache");
  CHECK(config.maxBytes == ProgramCache::DefaultMaxBytes);

  ::unsetenv("DPEX_CACHE_DIR");
  CHECK(ProgramCacheConfig::fromEnvironment().directory == "/xdg/dpex");
  // XDG_CACHE_HOME must be absolute to count.
  ::setenv("XDG_CACHE_HOME", "relative", 1);
  CHECK(ProgramCacheConfig::fromEnvironment().directory ==
        "/home/user/.cache/dpex");
  ::unsetenv("XDG_CACHE_HOME");
  CHECK(ProgramCacheConfig::fromEnvironment().directory ==
        "/home/user/.cache/dpex");
  ::unsetenv("HOME");
  config = ProgramCacheConfig::fromEnvironment();
  CHECK_FALSE(config.enabled);
  CHECK_THAT(config.note, Catch::Matchers::Contains("HOME"));

  ::setenv("HOME", "/home/user", 1);
  ::setenv("DPEX_CACHE_MAX_SIZE", "64M", 1);
  CHECK(ProgramCacheConfig::fromEnvironment().maxBytes == 64u << 20);
  ::setenv("DPEX_CACHE_MAX_SIZE", "lots", 1);
  config = ProgramCacheConfig::fromEnvironment();
  CHECK(config.enabled);
  CHECK(config.maxBytes == ProgramCache::DefaultMaxBytes);
  CHECK_THAT(config.note, Catch::Matchers::Contains("DPEX_CACHE_MAX_SIZE"));

  for (const char *off : {"off", "OFF", "0", "false", "no"}) {
    ::setenv("DPEX_CACHE", off, 1);
    CHECK_FALSE(ProgramCacheConfig::fromEnvironment().enabled);
  }
  ::setenv("DPEX_CACHE", "on", 1);
  CHECK(ProgramCacheConfig::fromEnvironment().enabled);
}

TEST_CASE("program cache: a stored entry loads back, in a private directory",
          "[program-cache]") {
  TempDir temp;
  std::string dir = temp.path() + "/a/b/dpex";
  ProgramCache cache = cacheIn(dir);
  std::string key = programCacheKey(sampleIdentity());
  CHECK_FALSE(cache.load(key, "test"));
  // Loading creates nothing.
  CHECK(filesIn(temp.path()).empty());

  std::vector<unsigned char> payload = bytes(5000, 3);
  REQUIRE(cache.store(key, payload.data(), payload.size(), "test"));
  struct stat info;
  REQUIRE(stat(dir.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
  REQUIRE(stat((temp.path() + "/a").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
  std::vector<std::string> files = filesIn(dir);
  REQUIRE(files.size() == 1); // no temporary file left
  CHECK(files[0] == ProgramCache::entryName(key));
  REQUIRE(stat((dir + "/" + files[0]).c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);

  CHECK(cache.load(key, "test") == payload);
  // Another process (another ProgramCache) reads it too.
  CHECK(cacheIn(dir).load(key, "test") == payload);
  // A replacement is whole.
  std::vector<unsigned char> other = bytes(100, 9);
  REQUIRE(cache.store(key, other.data(), other.size(), "test"));
  CHECK(cache.load(key, "test") == other);
  CHECK(filesIn(dir).size() == 1);

  ProgramIdentity changed = sampleIdentity();
  changed.driverVersion = "newer";
  CHECK_FALSE(cache.load(programCacheKey(changed), "test"));
}

TEST_CASE("program cache: damaged or foreign entries are misses",
          "[program-cache]") {
  TempDir temp;
  ProgramCache cache = cacheIn(temp.path());
  std::string key = programCacheKey(sampleIdentity());
  std::vector<unsigned char> payload = bytes(4096, 1);
  std::string path = temp.path() + "/" + ProgramCache::entryName(key);
  REQUIRE(cache.store(key, payload.data(), payload.size(), "test"));
  const std::string good = readFile(path);
  REQUIRE(good.size() == 32 + key.size() + payload.size());

  auto rejected = [&](const std::string &content) {
    writeFile(path, content);
    return !cache.load(key, "test").has_value();
  };
  CHECK(rejected(""));
  CHECK(rejected(good.substr(0, 20)));              // inside the header
  CHECK(rejected(good.substr(0, good.size() - 1))); // one byte short
  CHECK(rejected(good + "x"));                      // one byte long
  for (std::size_t at :
       {std::size_t{0}, std::size_t{8}, std::size_t{16}, std::size_t{24},
        std::size_t{40}, good.size() - 1, good.size() / 2}) {
    INFO("byte " << at << " flipped");
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    CHECK(rejected(flipped));
  }
  CHECK(rejected(std::string(good.size(), 'z'))); // not an entry at all
  // An entry of another key under this key's name.
  ProgramIdentity otherId = sampleIdentity();
  otherId.device = "pthread-haswell";
  std::string otherKey = programCacheKey(otherId);
  REQUIRE(cache.store(otherKey, payload.data(), payload.size(), "test"));
  CHECK(rejected(
      readFile(temp.path() + "/" + ProgramCache::entryName(otherKey))));

  // Storing again replaces the damaged entry.
  REQUIRE(cache.store(key, payload.data(), payload.size(), "test"));
  CHECK(cache.load(key, "test") == payload);
}

TEST_CASE("program cache: the least recently used entries are evicted",
          "[program-cache]") {
  TempDir temp;
  // Room for three entries of about 1 KiB (header and key included).
  std::uint64_t entry = 32 + programCacheKey(sampleIdentity()).size() + 1000;
  ProgramCache cache = cacheIn(temp.path(), 3 * entry + 10);
  std::vector<std::string> keys;
  for (int i = 0; i < 5; ++i) {
    ProgramIdentity id = sampleIdentity();
    id.imageDigest = 0x1000 + static_cast<unsigned>(i);
    keys.push_back(programCacheKey(id));
  }
  std::vector<unsigned char> payload = bytes(1000, 5);
  for (int i = 0; i < 3; ++i) {
    REQUIRE(cache.store(keys[i], payload.data(), payload.size(), "test"));
    // Oldest first: 0 stored 300 s ago, 1 200 s ago, 2 100 s ago.
    setMtime(temp.path() + "/" + ProgramCache::entryName(keys[i]),
             300 - 100 * i);
  }
  CHECK(cache.sizeOnDisk() == 3 * entry);
  // A hit makes 0 the most recently used: 1 goes first.
  REQUIRE(cache.load(keys[0], "test"));
  REQUIRE(cache.store(keys[3], payload.data(), payload.size(), "test"));
  CHECK(cache.sizeOnDisk() <= 3 * entry + 10);
  CHECK(cache.load(keys[0], "test"));
  CHECK_FALSE(cache.load(keys[1], "test"));
  CHECK(cache.load(keys[2], "test"));
  CHECK(cache.load(keys[3], "test"));

  // Larger than the whole limit: not stored, nothing evicted.
  std::vector<unsigned char> huge = bytes(4 * entry, 1);
  CHECK_FALSE(cache.store(keys[4], huge.data(), huge.size(), "test"));
  CHECK(filesIn(temp.path()).size() == 3);

  // A temporary file a dead writer left an hour ago goes with the next
  // store; a recent one (a writer at work) stays.
  writeFile(temp.path() + "/.tmp-dead01", "partial");
  setMtime(temp.path() + "/.tmp-dead01", 7200);
  writeFile(temp.path() + "/.tmp-busy01", "partial");
  REQUIRE(cache.store(keys[4], payload.data(), payload.size(), "test"));
  std::vector<std::string> files = filesIn(temp.path());
  CHECK(std::count(files.begin(), files.end(), ".tmp-dead01") == 0);
  CHECK(std::count(files.begin(), files.end(), ".tmp-busy01") == 1);
  CHECK(cache.sizeOnDisk() <= 3 * entry + 10);
}

TEST_CASE("program cache: a directory it cannot create or write",
          "[program-cache]") {
  TempDir temp;
  // Under a regular file no directory can be made, whoever runs the test
  // (a chmod would not stop root).
  std::string file = temp.path() + "/file";
  writeFile(file, "x");
  ProgramCache cache = cacheIn(file + "/dpex");
  std::string key = programCacheKey(sampleIdentity());
  std::vector<unsigned char> payload = bytes(64, 2);
  CHECK_FALSE(cache.load(key, "test"));
  CHECK_FALSE(cache.store(key, payload.data(), payload.size(), "test"));
  // Once failed, it stops trying.
  CHECK_FALSE(cache.store(key, payload.data(), payload.size(), "test"));
  CHECK(readFile(file) == "x");

  ProgramCacheConfig off;
  ProgramCache disabled(off);
  CHECK_FALSE(disabled.enabled());
  CHECK_FALSE(disabled.store(key, payload.data(), payload.size(), "test"));
  CHECK_FALSE(disabled.load(key, "test"));
}

TEST_CASE("program cache: concurrent writers and readers of one entry",
          "[program-cache]") {
  TempDir temp;
  std::string key = programCacheKey(sampleIdentity());
  // Two payloads of different sizes: a torn read would mix them.
  const std::vector<unsigned char> a = bytes(300000, 1), b = bytes(200000, 2);
  std::vector<std::thread> threads;
  std::vector<int> bad(8, 0);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      // One cache object per thread, as processes have.
      ProgramCache cache = cacheIn(temp.path());
      for (int i = 0; i < 20; ++i) {
        if (t % 2 == 0) {
          const std::vector<unsigned char> &mine = t % 4 == 0 ? a : b;
          cache.store(key, mine.data(), mine.size(), "test");
        } else if (auto got = cache.load(key, "test")) {
          bad[t] += *got != a && *got != b;
        }
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  for (int t = 0; t < 8; ++t)
    CHECK(bad[t] == 0);
  CHECK(filesIn(temp.path()).size() == 1);
  std::optional<std::vector<unsigned char>> last =
      cacheIn(temp.path()).load(key, "test");
  REQUIRE(last);
  CHECK((*last == a || *last == b));
}

// libFuzzer's entry point for one target, chosen at compile time (MEASURED_FUZZ_TARGET).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    measured::fuzz::MEASURED_FUZZ_TARGET(measured::fuzz::Bytes(data, size));
    return 0;
}

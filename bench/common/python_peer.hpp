#pragma once
// Runs a Python peer benchmark as a child process and reads the one number it
// prints (0 when it cannot run), so each comparison has its peer in the same run.

#include <cstdio>
#include <string>

namespace weft::bench {

inline double run_python_peer(const std::string& command) {
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) return 0;
    double value = 0;
    if (std::fscanf(p, "%lf", &value) != 1) value = 0;
    pclose(p);
    return value;
}

}  // namespace weft::bench

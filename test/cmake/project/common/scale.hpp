// Reached through include_directories(common), by kernels and host alike.
#pragma once
#define SCALE 5

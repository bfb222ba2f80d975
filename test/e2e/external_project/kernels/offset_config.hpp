#pragma once
#define OFFSET_VALUE 11

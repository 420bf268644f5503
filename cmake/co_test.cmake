# co_add_test(NAME n SOURCES s... [LIBS l...] [LABELS l...] [TIMEOUT secs] [FIXTURES f...])
# One executable per test, one CTest entry per executable, so `ctest -R n` runs it alone.
# Labels: unit (no external service), kafka (real broker), imap (real dovecot), mock (mock cluster).
function(co_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;FIXTURES" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE co_testharness ${T_LIBS} PkgConfig::CMOCKA)
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300) # every email is embedded (e5, ~0.13 CPU-s): a sample import is ~30 CPU-s, more under ASan
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
    ENVIRONMENT "CO_TEST_TMPDIR=${CMAKE_BINARY_DIR}/test-tmp;CO_SOURCE_DIR=${CMAKE_SOURCE_DIR};CO_BINARY_DIR=${CMAKE_BINARY_DIR}")
  if(T_FIXTURES)
    set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
  endif()
endfunction()

# co_api_embed(OUT FUNC [DIR dir] [FILES f...]): generates OUT at build time
# with co_embed.cmake; OUT is regenerated whenever a file under DIR (files
# added or removed included: CONFIGURE_DEPENDS) or one of FILES changes.
set(CO_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/co_embed.cmake)
function(co_api_embed OUT FUNC)
  cmake_parse_arguments(E "" "DIR" "FILES" ${ARGN})
  set(deps ${CO_EMBED_SCRIPT} ${E_FILES})
  if(E_DIR)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${E_DIR}/*)
    list(APPEND deps ${found})
  endif()
  string(REPLACE ";" "\\;" files_arg "${E_FILES}")
  add_custom_command(OUTPUT ${OUT}
    COMMAND ${CMAKE_COMMAND} -DDIR=${E_DIR} "-DFILES=${files_arg}" -DOUT=${OUT} -DFUNC=${FUNC} -P ${CO_EMBED_SCRIPT}
    DEPENDS ${deps}
    COMMENT "Embedding ${FUNC} assets"
    VERBATIM)
endfunction()

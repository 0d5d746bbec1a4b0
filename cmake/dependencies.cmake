# libxml2, ICU and libhyphen for the stage libraries, as interface targets
# emnpub::xml2, emnpub::icu and emnpub::hyphen.
#
# An executable whose EMNPUB_STATIC_DEPS property is on links Debian's static
# archives of these (and of liblzma, which libxml2 needs) instead of the
# shared libraries; every other target links the shared ones. build/emnpub
# does this so a render process skips loading libxml2, ICU (whose C++ pulls
# in libstdc++) and their dependencies: measured 29.0 -> 24.7 ms for the
# 3-page inform (scripts/bench.sh). The price: a security update of libxml2
# or ICU reaches build/emnpub only when it is rebuilt (scripts/run.sh does).
# -DEMNPUB_STATIC_RENDER=OFF links the shared libraries everywhere.

# Needs PkgConfig and ZLIB found first (CMakeLists.txt).
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
find_library(HYPHEN_LIB hyphen REQUIRED)

option(EMNPUB_STATIC_RENDER "Link build/emnpub against static libxml2, ICU, libhyphen and C++ runtime" ON)
set(EMNPUB_STATIC_ARCHIVES xml2 icui18n icuuc icudata lzma hyphen)
if(EMNPUB_STATIC_RENDER)
  foreach(lib ${EMNPUB_STATIC_ARCHIVES})
    find_library(EMNPUB_STATIC_${lib} NAMES lib${lib}.a)
    if(NOT EMNPUB_STATIC_${lib})
      message(FATAL_ERROR "lib${lib}.a not found (its Debian -dev package is missing; scripts/setup.sh "
                          "installs it), or configure with -DEMNPUB_STATIC_RENDER=OFF")
    endif()
  endforeach()
endif()

set(_static "$<BOOL:$<TARGET_PROPERTY:EMNPUB_STATIC_DEPS>>")
set(_shared "$<NOT:${_static}>")

add_library(emnpub_dep_icu INTERFACE)
target_include_directories(emnpub_dep_icu INTERFACE ${ICU_INCLUDE_DIRS})
add_library(emnpub_dep_xml2 INTERFACE)
target_include_directories(emnpub_dep_xml2 INTERFACE ${LIBXML2_INCLUDE_DIRS})
add_library(emnpub_dep_hyphen INTERFACE)
# Without EMNPUB_STATIC_RENDER no target sets the property: always shared.
# Order matters for archives: each one before what it needs.
target_link_libraries(emnpub_dep_icu INTERFACE
  "$<${_static}:${EMNPUB_STATIC_icui18n};${EMNPUB_STATIC_icuuc};${EMNPUB_STATIC_icudata};${CMAKE_DL_LIBS};pthread>"
  "$<${_shared}:PkgConfig::ICU>")
target_link_libraries(emnpub_dep_xml2 INTERFACE
  "$<${_static}:${EMNPUB_STATIC_xml2};emnpub_dep_icu;${EMNPUB_STATIC_lzma};ZLIB::ZLIB;m>"
  "$<${_shared}:PkgConfig::LIBXML2>")
target_link_libraries(emnpub_dep_hyphen INTERFACE
  "$<${_static}:${EMNPUB_STATIC_hyphen}>" "$<${_shared}:${HYPHEN_LIB}>")
add_library(emnpub::icu ALIAS emnpub_dep_icu)
add_library(emnpub::xml2 ALIAS emnpub_dep_xml2)
add_library(emnpub::hyphen ALIAS emnpub_dep_hyphen)

# Makes an executable link the static archives, and the C++ runtime
# statically: none of the shared libraries left (HarfBuzz, FreeType, libharu,
# zlib) uses libstdc++, so there is one copy of it in the process. The test
# cli.render_binary_libraries checks that this stays so.
function(emnpub_link_static_deps target)
  if(EMNPUB_STATIC_RENDER)
    set_target_properties(${target} PROPERTIES EMNPUB_STATIC_DEPS ON)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()

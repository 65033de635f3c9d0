# Compiler settings shared by every target of the project.
option(EINLASS_WERROR "Treat warnings as errors" OFF)
option(EINLASS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(EINLASS_FUZZ "Build the libFuzzer targets (needs clang)" OFF)

add_library(einlass_warnings INTERFACE)
target_compile_options(einlass_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wconversion -Wno-sign-conversion -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # g++ 12 reports -Wrestrict falsely on some std::string concatenations (STACK-NOTES).
  target_compile_options(einlass_warnings INTERFACE -Wno-restrict)
endif()
if(EINLASS_WERROR)
  target_compile_options(einlass_warnings INTERFACE -Werror)
endif()

if(EINLASS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# einlass_library(NAME DIR SOURCES ... LINKS ...): one library of one layer; its headers are
# reached as "<dir>/<file>.h" from the layer's root folder, so a layer can only include what its
# target dependencies expose.
function(einlass_library name)
  cmake_parse_arguments(ARG "" "ROOT" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  add_library(einlass::${name} ALIAS ${name})
  target_include_directories(${name} PUBLIC ${ARG_ROOT})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE einlass_warnings
    ${ARG_PRIVATE_LINKS})
endfunction()

if(EINLASS_FUZZ)
  # Coverage instrumentation for every library; the fuzz mains add -fsanitize=fuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

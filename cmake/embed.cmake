# Turns IN into a C++ source defining `extern const char SYMBOL[]` and its size.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
# Character literals, not 0x.. integers: bytes above 0x7f would be narrowing.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <cstddef>\nextern const char ${SYMBOL}[];\nextern const std::size_t ${SYMBOL}_size;\nconst char ${SYMBOL}[] = {${body} 0};\nconst std::size_t ${SYMBOL}_size = ${size};\n")

// Embeds default.vstable (next to this file) into .rodata with the assembler's .incbin.
// VARSYN_DEFAULT_TABLE_PATH is the absolute path, defined by Package.swift from its own location.
// default_table_stamp.h carries the table's checksum so that rebuilding the table recompiles this file
// (compilers do not track .incbin inputs as dependencies).
#include "varsyn_default_table.h"
#include "default_table_stamp.h"

#ifndef VARSYN_DEFAULT_TABLE_PATH
#error "VARSYN_DEFAULT_TABLE_PATH must be defined (see Package.swift)"
#endif

__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    ".global varsyn_default_table\n"
    "varsyn_default_table:\n"
    ".incbin \"" VARSYN_DEFAULT_TABLE_PATH "\"\n"
    ".global varsyn_default_table_end\n"
    "varsyn_default_table_end:\n"
    ".previous\n");

extern const unsigned char varsyn_default_table[];
extern const unsigned char varsyn_default_table_end[];

const unsigned char *varsyn_default_table_bytes(void) { return varsyn_default_table; }
unsigned long varsyn_default_table_size(void) {
    return (unsigned long)(varsyn_default_table_end - varsyn_default_table);
}
const char *varsyn_default_table_stamp(void) { return VARSYN_DEFAULT_TABLE_STAMP; }

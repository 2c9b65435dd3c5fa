#ifndef VARSYN_DEFAULT_TABLE_H
#define VARSYN_DEFAULT_TABLE_H
/// The default transcript coordinate table, embedded in the binary's read-only data by `default_table.c`
/// (`.incbin` of `default.vstable`, built by `scripts/build-default-table.sh`).
const unsigned char *varsyn_default_table_bytes(void);
unsigned long varsyn_default_table_size(void);
#endif

/// The transcript coordinate table: model, importers for the standard formats, the compact binary table and
/// its lookups. See `docs/table-format.md`.
public enum VarSynReference {}

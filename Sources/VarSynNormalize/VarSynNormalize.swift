/// The normalizing core: maps variants between c., n., g., r. and p. through a transcript coordinate table,
/// validates them against the reference, normalizes them, and computes canonical keys and synonyms.
/// Reference data is seen only through a protocol.
public enum VarSynNormalize {}

/// The free-text mention finder: PCRE2-scanned candidates, each confirmed by the core parser.
public enum VarSynMentions {}

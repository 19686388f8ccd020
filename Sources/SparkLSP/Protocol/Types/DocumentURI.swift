/// A document URI as the client sends it (kept verbatim; compare as strings).
public typealias DocumentURI = String

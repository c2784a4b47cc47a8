/// The preview server.
public enum ServerPlaceholder {}

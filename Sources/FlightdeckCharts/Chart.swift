/// SVG charts drawn in Swift.
public enum ChartsPlaceholder {}

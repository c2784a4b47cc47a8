public enum BenchPlaceholder {}

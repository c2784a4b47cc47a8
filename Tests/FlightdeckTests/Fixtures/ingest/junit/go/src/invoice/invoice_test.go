package invoice

import (
	"testing"
	"time"
)

func total(lines []float64) float64 {
	sum := 0.0
	for _, l := range lines {
		sum += l
	}
	return sum
}

func TestTotal(t *testing.T) {
	if got := total([]float64{10, 20.5}); got != 30.5 {
		t.Fatalf("total = %v, want 30.5", got)
	}
}

func TestExtractFields(t *testing.T) {
	for _, name := range []string{"vendor", "amount", "due_date"} {
		t.Run(name, func(t *testing.T) { time.Sleep(2 * time.Millisecond) })
	}
}

func TestGeminiFallback(t *testing.T) {
	t.Skip("Gemini sandbox not configured in CI")
}

"""A small suite run by make.sh to produce real pytest JUnit XML: pass, fail, error, skip, xfail, output."""
import sys
import pytest


@pytest.fixture
def broken_fixture():
    raise RuntimeError("database not reachable")


class TestPricing:
    def test_unit_price(self):
        assert round(19.99 * 3, 2) == 59.97

    def test_discount_applied(self):
        print("computing discount for <vip> & co")
        assert 100 * 0.9 == 91, "discount off by one"

    def test_currency(self, broken_fixture):
        assert broken_fixture

    @pytest.mark.skip(reason="needs the EU tax service")
    def test_vat(self):
        assert False

    @pytest.mark.xfail(reason="rounding bug #42")
    def test_rounding(self):
        assert 0.1 + 0.2 == 0.3


def test_totals():
    sys.stderr.write("warning: slow path\n")
    assert sum([1, 2, 3]) == 6

"""The accessibility and privacy statements as a visitor finds them: from the footer of any page,
on a 375 px phone and a 1280 px screen, light and dark."""
import pytest

from .conftest import accessibility_problems

SCREENS = {"phone": {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True},
           "desktop": {"viewport": {"width": 1280, "height": 800}}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_the_footer_leads_to_the_accessibility_and_privacy_statements(visit, site_url, screen, scheme):
    v = visit(**SCREENS[screen], color_scheme=scheme, bypass_csp=True)  # to inject axe-core
    page = v.page
    page.goto(f"{site_url}/checklists/purpose-statement.html")
    footer = page.locator("footer")
    for name, path, heading in [("Accessibility statement", "book/accessibility.html", "Accessibility statement"),
                                ("Privacy statement", "book/privacy.html", "Privacy statement")]:
        link = footer.get_by_role("link", name=name, exact=True)
        link.scroll_into_view_if_needed()
        assert link.is_visible()
        link.click()
        page.wait_for_url(f"**/{path}")
        assert page.get_by_role("heading", level=1).inner_text().strip().startswith(heading)
        assert accessibility_problems(page) == []
        page.go_back()
        footer = page.locator("footer")
    assert v.real_errors() == [] and v.external == []

/// The Jinja2-subset template engine (see TEMPLATES.md).
public enum TemplatesPlaceholder {}

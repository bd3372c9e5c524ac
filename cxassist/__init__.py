"""cxassist: a desktop assistant for contact-centre agents on live calls."""

__version__ = "0.1.0"

"""Browser tests: the app under `streamlit run`, driven by headless Chromium."""

"""App tests: the real app.py driven by widget key under streamlit's AppTest."""

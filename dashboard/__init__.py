"""XiaoAn dashboard: Streamlit pages, pydeck map builders, the UI text catalogue."""

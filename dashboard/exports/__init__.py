"""Exports without a browser (no Streamlit): print maps (PNG), the brief (.docx) and work lists (.xlsx).

Entry points: `maps.render_map`, `brief.write_brief`, `worklists.write_worklist`; every export masks
officers' phone numbers with `privacy.mask_phone` / `privacy.mask_text`.
"""

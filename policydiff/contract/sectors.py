"""The sector vocabulary documented in data/README.md."""

SECTORS: dict[str, str] = {
    "macro": "macro-economy", "industry": "industry", "rare-earths": "rare earths",
    "photovoltaics": "photovoltaics", "wind-power": "wind power",
    "energy-storage": "energy storage", "hydrogen": "hydrogen", "energy": "energy",
    "new-materials": "new materials", "metals": "metals", "equipment": "equipment",
    "chemicals": "chemicals", "digital": "digital economy", "science-tech": "science & technology",
    "talent": "talent", "enterprises": "enterprises", "investment": "investment",
    "trade": "trade & opening-up", "services": "services & consumption",
    "agriculture": "agriculture", "urban": "urban development", "environment": "environment",
    "social": "social & livelihood", "governance": "governance",
}

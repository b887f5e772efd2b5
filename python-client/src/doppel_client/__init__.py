"""doppel_client: a Python client for Doppel, the self-hosted synthetic tabular data platform.

from doppel_client import Doppel
client = Doppel("http://localhost:8080", "dpl_…")
project = client.create_project("Penguins")
dataset = project.upload(frame)
model = dataset.train("GaussianCopula", wait=True)
rows = model.sample(100)
"""

from .batches import Batch
from .client import Doppel
from .datasets import Dataset
from .errors import (
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    DoppelError,
    JobCancelledError,
    JobFailedError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from .models import Model
from .projects import Project
from .tokens import ApiToken, CreatedApiToken

__version__ = "0.1.0"

__all__ = [
    "ApiToken",
    "AuthenticationError",
    "Batch",
    "ConfigurationError",
    "ConflictError",
    "CreatedApiToken",
    "Dataset",
    "Doppel",
    "DoppelError",
    "JobCancelledError",
    "JobFailedError",
    "Model",
    "NotFoundError",
    "PermissionDeniedError",
    "Project",
    "ValidationError",
]

"""SDV synthesizers (CTGAN, TVAE, GaussianCopula, CopulaGAN; HMA for databases) as catalogue algorithms.

SDV, CTGAN, RDT and Copulas are under the Business Source License 1.1 (see README.md).
Nothing here imports sdv/torch at module level: describe.py and config validation stay fast.
"""

from __future__ import annotations

import contextlib
import dataclasses
import pickle
import random
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ._algorithm import MAX_CATEGORIES, Algorithm, MultipleOf, Setting, given_patterns
from ._device import torch_device

if TYPE_CHECKING:
    import pandas as pd

    from ._events import EventCallback

_TABLE = "table"

_EPOCHS = Setting("epochs", "integer", 300, "Training epochs (passes over the data).", minimum=1, maximum=10_000)
_PAC = Setting(
    "pac",
    "integer",
    10,
    "Number of rows the discriminator judges together (PacGAN); batch_size must be a multiple.",
    minimum=1,
    maximum=100,
)
_GAN_BATCH = Setting(
    "batch_size",
    "integer",
    500,
    "Rows per training step. Must be even and a multiple of pac.",
    minimum=2,
    maximum=100_000,
    multiple_of=2,
)
_GAN_SETTINGS = (
    _EPOCHS,
    _GAN_BATCH,
    _PAC,
    Setting("embedding_dim", "integer", 128, "Size of the random noise vector fed to the generator.", minimum=2, maximum=1024),
    Setting("generator_layers", "integer", 2, "Number of residual layers in the generator.", minimum=1, maximum=6),
    Setting("generator_width", "integer", 256, "Width of each generator layer.", minimum=8, maximum=2048),
    Setting("discriminator_layers", "integer", 2, "Number of layers in the discriminator.", minimum=1, maximum=6),
    Setting("discriminator_width", "integer", 256, "Width of each discriminator layer.", minimum=8, maximum=2048),
    Setting("generator_lr", "number", 2e-4, "Generator learning rate (Adam).", minimum=1e-6, maximum=1.0),
    Setting("generator_decay", "number", 1e-6, "Generator weight decay (Adam).", minimum=0.0, maximum=1.0),
    Setting("discriminator_lr", "number", 2e-4, "Discriminator learning rate (Adam).", minimum=1e-6, maximum=1.0),
    Setting("discriminator_decay", "number", 1e-6, "Discriminator weight decay (Adam).", minimum=0.0, maximum=1.0),
    Setting("discriminator_steps", "integer", 1, "Discriminator updates per generator update.", minimum=1, maximum=10),
    Setting("log_frequency", "boolean", True, "Sample categories by log frequency when conditioning (helps rare levels)."),
    MAX_CATEGORIES,
)
_DISTRIBUTION = Setting(
    "default_distribution",
    "string",
    "beta",
    "Marginal distribution fitted to every numeric column.",
    allowed=("norm", "beta", "truncnorm", "gamma", "uniform", "gaussian_kde"),
)
_PAC_RULE = MultipleOf("batch_size", "pac", "batch_size must be a multiple of pac")
# GaussianCopula encodes a category as one number (its share of [0, 1], levels in order of first
# appearance, as SDV does), so levels cost it next to nothing. Folding the rare ones into one
# "other" level would only lose what that order carries: in a table exported in date order, the
# categories' order follows the dates.
_COPULA_MAX_CATEGORIES = dataclasses.replace(
    MAX_CATEGORIES,
    default=MAX_CATEGORIES.maximum,
    description="Categorical/text columns with more distinct values keep this many levels (the most frequent) in the model; "
    "rarer values are drawn back by their real frequency. The copula encodes a level as one number, so by default every level is kept.",
)


def _seed_everything(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


def _metadata(sdtypes: dict[str, str]):
    from sdv.metadata import Metadata

    columns = {}
    for name, sdtype in sdtypes.items():
        columns[name] = {"sdtype": "numerical"} if sdtype == "numerical" else {"sdtype": "categorical"}
    return Metadata.load_from_dict({"tables": {_TABLE: {"columns": columns}}})


class _EpochIterator:
    """Stands in for tqdm around ctgan's epoch loop: reports each epoch as soon as it ends."""

    def __init__(self, iterable, report):
        self._it = iter(iterable)
        self._total = len(iterable)
        self._current = None
        self._report = report

    def __iter__(self):
        return self

    def __next__(self):
        if self._current is not None:
            self._report(self._current, self._total)
            self._current = None
        self._current = next(self._it)
        return self._current

    def set_description(self, *_args, **_kwargs):
        pass

    def close(self):
        pass


@contextlib.contextmanager
def _epoch_hook(report):
    """Patch ctgan's CTGAN/TVAE fit loops for the duration of one fit.

    ctgan keeps ``loss_values`` on the model and iterates epochs through ``tqdm``; we swap that
    ``tqdm`` for an iterator that hands each finished epoch's losses to ``report``.
    """
    import ctgan.synthesizers.ctgan as ctgan_module
    import ctgan.synthesizers.tvae as tvae_module

    holder: dict = {}
    originals = {
        (ctgan_module, "tqdm"): ctgan_module.tqdm,
        (tvae_module, "tqdm"): tvae_module.tqdm,
        (ctgan_module.CTGAN, "fit"): ctgan_module.CTGAN.fit,
        (tvae_module.TVAE, "fit"): tvae_module.TVAE.fit,
    }

    def wrap_fit(original):
        def fit(model, *args, **kwargs):
            holder["model"] = model
            return original(model, *args, **kwargs)

        return fit

    def fake_tqdm(iterable, *args, **kwargs):
        return _EpochIterator(iterable, lambda epoch, total: report(holder.get("model"), epoch, total))

    ctgan_module.tqdm = fake_tqdm
    tvae_module.tqdm = fake_tqdm
    ctgan_module.CTGAN.fit = wrap_fit(originals[(ctgan_module.CTGAN, "fit")])
    tvae_module.TVAE.fit = wrap_fit(originals[(tvae_module.TVAE, "fit")])
    try:
        yield
    finally:
        for (owner, attr), value in originals.items():
            setattr(owner, attr, value)


def _epoch_losses(model, epoch: int) -> dict:
    losses = getattr(model, "loss_values", None)
    if losses is None or len(losses) == 0:
        return {}
    if "Loss" in losses.columns:  # TVAE: one row per batch
        rows = losses[losses["Epoch"] == epoch]
        return {"loss": float(rows["Loss"].mean())} if len(rows) else {}
    last = losses.iloc[-1]
    return {"generator_loss": float(last["Generator Loss"]), "discriminator_loss": float(last["Discriminator Loss"])}


class _SdvAlgorithm(Algorithm):
    library = "sdv"
    licence = "BUSL-1.1"
    requires = ("sdv",)
    requirement_label = "SDV"
    conditioning = ("fixed", "partial_rows", "rebalance", "impute")
    _epoch_based = False

    def __init__(self, settings: dict, seed: int):
        super().__init__(settings, seed)
        self._synth = None
        self._columns: list[str] = []

    def _kwargs(self) -> dict:
        return {}

    def _synth_class(self):
        raise NotImplementedError

    def fit(self, frame: pd.DataFrame, sdtypes: dict[str, str], on_event: EventCallback) -> dict:
        self._columns = list(frame.columns)
        if not sdtypes:
            on_event({"event": "progress", "stage": "fit", "step": 1, "steps": 1, "elapsed_s": 0.0})
            return {}
        _seed_everything(self.seed)
        self._synth = self._synth_class()(_metadata(sdtypes), enforce_min_max_values=True, enforce_rounding=False, **self._kwargs())
        started = time.perf_counter()
        final: dict = {}

        def report(model, epoch: int, total: int) -> None:
            losses = _epoch_losses(model, epoch)
            final.update(losses)
            event = {"event": "progress", "stage": "fit", "epoch": epoch + 1, "epochs": total}
            event.update(losses)
            event["elapsed_s"] = round(time.perf_counter() - started, 3)
            on_event(event)

        with _epoch_hook(report), self._stage_hook(on_event, started):
            self._synth.fit({_TABLE: frame})
        return final

    @contextlib.contextmanager
    def _stage_hook(self, on_event: EventCallback, started: float):
        on_event({"event": "progress", "stage": "preprocess", "elapsed_s": 0.0})
        yield

    def reseed(self, seed: int) -> None:
        import numpy as np

        _seed_everything(seed)
        if self._synth is None:
            return
        self._synth._set_random_state(seed)
        transformers = self._synth._data_processor._hyper_transformer.field_transformers
        for field, transformer in transformers.items():
            if transformer is not None and getattr(transformer, "random_states", None) is not None:
                # Seed by column name: the transformers' dict order is not stable between fits.
                key = zlib.crc32(str(field).encode("utf-8"))
                transformer.set_random_state(np.random.RandomState([seed, key, 1]), "transform")
                transformer.set_random_state(np.random.RandomState([seed, key, 2]), "reverse_transform")

    def sample(self, n: int) -> pd.DataFrame:
        import pandas as pd

        if self._synth is None:
            return pd.DataFrame(index=range(n))
        sampled = self._synth.sample(n)
        frame = sampled[_TABLE] if isinstance(sampled, dict) else sampled
        return frame.reset_index(drop=True)

    def sample_given(self, given: pd.DataFrame) -> pd.DataFrame:
        """Rows with the same given columns are sampled together: SDV's ``sample_remaining_columns``
        conditions on whole columns (GaussianCopula exactly, the others by rejection sampling)."""
        import pandas as pd

        from ._errors import EngineError

        if self._synth is None:
            return pd.DataFrame(index=range(len(given)))
        given = given.reset_index(drop=True)
        parts = []
        for rows, columns in given_patterns(given):
            if not columns:
                part = self.sample(len(rows))
            elif len(columns) == len(self._columns):
                part = given.loc[rows]
            else:
                known = given.loc[rows, columns].reset_index(drop=True)
                try:
                    part = self._synth.sample_remaining_columns(known_columns=known, max_tries_per_batch=100)
                except ValueError as exc:
                    raise EngineError("invalid_condition", f"{self.name} found no rows for the given {', '.join(columns)}: {exc}") from None
                part = part[_TABLE] if isinstance(part, dict) else part
                if len(part) != len(known):
                    raise EngineError(
                        "invalid_condition",
                        f"{self.name} found only {len(part)} of {len(known)} rows for the given {', '.join(columns)} (too rare in training)",
                    )
                part = part.sort_index()
            parts.append(part[self._columns].set_axis(rows))
        return pd.concat(parts).sort_index().reset_index(drop=True)

    def save(self, folder: Path) -> Path:
        import cloudpickle

        path = folder / self.model_file
        tmp = path.with_suffix(".pkl.tmp")
        with tmp.open("wb") as fh:
            cloudpickle.dump({"doppel_algorithm": self.name, "columns": self._columns, "synthesizer": self._synth}, fh)
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, folder: Path, settings: dict, seed: int) -> Algorithm:
        import torch  # noqa: F401 - unpickling the synthesizer needs it importable

        with (folder / cls.model_file).open("rb") as fh:
            payload = pickle.load(fh)
        if not isinstance(payload, dict) or payload.get("doppel_algorithm") != cls.name:
            raise ValueError("model file does not hold a Doppel model of this algorithm")
        algo = cls(settings, seed)
        algo._synth = payload["synthesizer"]
        algo._columns = payload["columns"]
        if algo._synth is not None and type(algo._synth).__name__ != cls._synth_class(algo).__name__:
            raise ValueError(f"model file holds a {type(algo._synth).__name__}, expected {cls.name}")
        return algo


def _dims(layers: int, width: int) -> tuple[int, ...]:
    return (width,) * layers


class CtganAlgorithm(_SdvAlgorithm):
    name = "CTGAN"
    description = "Conditional GAN for mixed-type tables (SDV CTGANSynthesizer). Strong on categorical structure; needs hundreds of epochs for good quality."
    settings = _GAN_SETTINGS
    constraints = (_PAC_RULE,)

    def _synth_class(self):
        from sdv.single_table import CTGANSynthesizer

        return CTGANSynthesizer

    def _kwargs(self) -> dict:
        s = self.settings
        return {
            "epochs": s["epochs"],
            "batch_size": s["batch_size"],
            "pac": s["pac"],
            "embedding_dim": s["embedding_dim"],
            "generator_dim": _dims(s["generator_layers"], s["generator_width"]),
            "discriminator_dim": _dims(s["discriminator_layers"], s["discriminator_width"]),
            "generator_lr": s["generator_lr"],
            "generator_decay": s["generator_decay"],
            "discriminator_lr": s["discriminator_lr"],
            "discriminator_decay": s["discriminator_decay"],
            "discriminator_steps": s["discriminator_steps"],
            "log_frequency": s["log_frequency"],
            "enable_gpu": torch_device() == "cuda",
        }


class TvaeAlgorithm(_SdvAlgorithm):
    name = "TVAE"
    description = "Variational autoencoder for tables (SDV TVAESynthesizer). Usually faster to train than CTGAN."
    settings = (
        _EPOCHS,
        Setting("batch_size", "integer", 500, "Rows per training step.", minimum=2, maximum=100_000),
        Setting("embedding_dim", "integer", 128, "Size of the latent space.", minimum=2, maximum=1024),
        Setting("compress_layers", "integer", 2, "Number of encoder layers.", minimum=1, maximum=6),
        Setting("compress_width", "integer", 128, "Width of each encoder layer.", minimum=8, maximum=2048),
        Setting("decompress_layers", "integer", 2, "Number of decoder layers.", minimum=1, maximum=6),
        Setting("decompress_width", "integer", 128, "Width of each decoder layer.", minimum=8, maximum=2048),
        Setting("l2scale", "number", 1e-5, "L2 regularisation (Adam weight decay).", minimum=0.0, maximum=1.0),
        Setting("loss_factor", "number", 2.0, "Weight of the reconstruction error in the loss.", minimum=0.01, maximum=100.0),
        MAX_CATEGORIES,
    )

    def _synth_class(self):
        from sdv.single_table import TVAESynthesizer

        return TVAESynthesizer

    def _kwargs(self) -> dict:
        s = self.settings
        return {
            "epochs": s["epochs"],
            "batch_size": s["batch_size"],
            "embedding_dim": s["embedding_dim"],
            "compress_dims": _dims(s["compress_layers"], s["compress_width"]),
            "decompress_dims": _dims(s["decompress_layers"], s["decompress_width"]),
            "l2scale": s["l2scale"],
            "loss_factor": s["loss_factor"],
            "enable_gpu": torch_device() == "cuda",
        }


class GaussianCopulaAlgorithm(_SdvAlgorithm):
    name = "GaussianCopula"
    description = "Statistical model: fitted marginal distributions joined by a Gaussian copula (SDV GaussianCopulaSynthesizer). Trains in seconds; no epochs."
    settings = (_DISTRIBUTION, _COPULA_MAX_CATEGORIES)

    def _synth_class(self):
        from sdv.single_table import GaussianCopulaSynthesizer

        return GaussianCopulaSynthesizer

    def _kwargs(self) -> dict:
        return {"default_distribution": self.settings["default_distribution"]}

    @contextlib.contextmanager
    def _stage_hook(self, on_event: EventCallback, started: float):
        from copulas.multivariate.gaussian import GaussianMultivariate

        stages = [("preprocess", None), ("fit_distributions", "_fit_columns"), ("fit_correlation", "_get_correlation")]
        total = len(stages)

        def emit(step: int, stage: str) -> None:
            on_event(
                {
                    "event": "progress",
                    "stage": stage,
                    "step": step,
                    "steps": total,
                    "elapsed_s": round(time.perf_counter() - started, 3),
                }
            )

        originals = {attr: getattr(GaussianMultivariate, attr) for _, attr in stages if attr}

        def wrap(attr: str, step: int, stage: str):
            original = originals[attr]

            def method(model, *args, **kwargs):
                emit(step, stage)
                return original(model, *args, **kwargs)

            return method

        for step, (stage, attr) in enumerate(stages, start=1):
            if attr:
                setattr(GaussianMultivariate, attr, wrap(attr, step, stage))
        emit(1, "preprocess")
        try:
            yield
        finally:
            for attr, value in originals.items():
                setattr(GaussianMultivariate, attr, value)


class CopulaGanAlgorithm(CtganAlgorithm):
    name = "CopulaGAN"
    description = "CTGAN trained on copula-transformed numeric columns (SDV CopulaGANSynthesizer); can fit skewed numeric columns better than CTGAN."
    settings = (*_GAN_SETTINGS, _DISTRIBUTION)
    constraints = (_PAC_RULE,)

    def _synth_class(self):
        from sdv.single_table import CopulaGANSynthesizer

        return CopulaGANSynthesizer

    def _kwargs(self) -> dict:
        return {**super()._kwargs(), "default_distribution": self.settings["default_distribution"]}


class HmaAlgorithm(Algorithm):
    """SDV's HMASynthesizer: a whole database as one model. Only its catalogue entry is a class;
    _hma.py trains and samples it, and it is never instantiated (train.py and generate.py refuse it)."""

    name = "HMA"
    library = "sdv"
    licence = "BUSL-1.1"
    requires = ("sdv",)
    requirement_label = "SDV"
    description = (
        "Hierarchical Modeling Algorithm (SDV HMASynthesizer): a Gaussian copula per table, each parent row also carrying its children's "
        "row count and distribution parameters. Related tables only (train_database.py): single-column keys, no ordered sequences."
    )
    settings = (_DISTRIBUTION, _COPULA_MAX_CATEGORIES)
    relational: ClassVar[dict[str, bool]] = {"linkedTables": True, "sequences": False, "compositeKeys": False}
    single_table = False


ALGORITHMS = (CtganAlgorithm, TvaeAlgorithm, GaussianCopulaAlgorithm, CopulaGanAlgorithm, HmaAlgorithm)

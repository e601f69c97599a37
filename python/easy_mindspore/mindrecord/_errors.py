"""The exceptions of ``mindspore.mindrecord``, as MindSpore 2.10 names them: each prints as
``[ClassName]: message`` and carries an ``error_code``. The errors of the C++ layer (files that
exist, bad page sizes, unreadable files) are plain ``RuntimeError`` in MindSpore, and so here."""

# class name -> (number, base message), MindSpore's numbering.
_BASE = {
    "UnknownError": (0, "Unknown Error."),
    "ParamTypeError": (1, "Param type is error."),
    "ParamValueError": (2, "Param value is error."),
    "ParamMissError": (3, "Param missing."),
    "PathNotExistsError": (4, "Path does not exist."),
    "DbConnectionError": (5, "Db connection is error."),
    "MRMOpenError": (100, "MindRecord could not open."),
    "MRMOpenForAppendError": (101, "MindRecord could not open for append."),
    "MRMInvalidPageSizeError": (102, "Failed to set page size."),
    "MRMInvalidHeaderSizeError": (103, "Failed to set header size."),
    "MRMSetHeaderError": (104, "Failed to set header."),
    "MRMWriteDatasetError": (105, "Failed to write dataset."),
    "MRMCommitError": (107, "Failed to commit."),
    "MRMLaunchError": (108, "Failed to launch."),
    "MRMFinishError": (109, "Failed to finish."),
    "MRMCloseError": (110, "Failed to close."),
    "MRMAddSchemaError": (111, "Failed to add schema."),
    "MRMAddIndexError": (112, "Failed to add index field."),
    "MRMBuildSchemaError": (113, "Failed to build schema."),
    "MRMGetMetaError": (114, "Failed to get meta info."),
    "MRMIndexGeneratorError": (115, "Failed to create index generator."),
    "MRMGenerateIndexError": (116, "Failed to generate index."),
    "MRMInitSegmentError": (117, "Failed to initialize segment."),
    "MRMFetchCandidateFieldsError": (118, "Failed to fetch candidate category fields."),
    "MRMReadCategoryInfoError": (119, "Failed to read category information."),
    "MRMFetchDataError": (120, "Failed to fetch data by category."),
    "MRMInvalidSchemaError": (200, "Schema is error."),
    "MRMValidateDataError": (201, "Raw data is valid."),
    "MRMDefineIndexError": (202, "Index field is error."),
    "MRMDefineBlobError": (203, "Blob field is error."),
    "MRMUnsupportedSchemaError": (204, "Schema is not supported."),
    "MRMDefineCategoryError": (205, "Category field is error."),
}

# The parts of MindSpore's error code besides the number: runtime host (0), error code type
# (1), common level (0), system id 0b101010, module (number // 100 + 1).
_SYS_ID = 0b101010


class MindRecordException(Exception):
    """The base of the MindRecord errors; ``str(e)`` is ``[ClassName]: message``."""

    def __init__(self, detail=None):
        super().__init__()
        number, message = _BASE.get(type(self).__name__, _BASE["UnknownError"])
        self._error_msg = message if detail is None else self._detailed(detail)
        self._error_code = ((1 << 28) | ((_SYS_ID & 0xFF) << 17) | (((number // 100 + 1) & 0xFF) << 12)
                            | (number & 0x0FFF))

    def _detailed(self, detail):
        return f"{_BASE[type(self).__name__][1][:-1]}. Detail: {detail}"

    def __str__(self):
        return f"[{type(self).__name__}]: {self._error_msg}"

    @property
    def error_msg(self):
        """The description of this error."""
        return self._error_msg

    @error_msg.setter
    def error_msg(self, msg):
        self._error_msg = msg

    @property
    def error_code(self):
        """The unique number of this error."""
        return self._error_code


class UnknownError(MindRecordException):
    """An unknown error."""


class ParamValueError(MindRecordException):
    """A parameter has a wrong value."""

    def _detailed(self, detail):
        return f"Invalid parameter value. {detail}"


class ParamTypeError(MindRecordException):
    """A parameter has a wrong type: ``ParamTypeError(name, expected_type)``."""

    def __init__(self, param_name, expected_type):
        super().__init__()
        self.error_msg = f"Invalid parameter type. '{param_name}' expect {expected_type} type."


class ParamMissError(MindRecordException):
    """A parameter is missing."""

    def _detailed(self, detail):
        return f"Param missing. '{detail}' is required."


class PathNotExistsError(MindRecordException):
    """A path does not exist."""

    def _detailed(self, detail):
        return f"Invalid path. {detail}"


class DbConnectionError(MindRecordException):
    """The index database cannot be used."""

    def _detailed(self, detail):
        return f"Db connection is error. Detail: {detail}"


class MRMInvalidSchemaError(MindRecordException):
    """The schema given to ``add_schema`` is not valid."""

    def _detailed(self, detail):
        return f"Schema format is error. Detail: {detail}"


class MRMDefineIndexError(MindRecordException):
    """An index field is not a scalar field."""

    def _detailed(self, detail):
        return f"Failed to define index field. Detail: {detail}"


class MRMUnsupportedSchemaError(MindRecordException):
    """A schema the reader cannot render."""

    def _detailed(self, detail):
        return f"Schema is not supported. Detail: {detail}"


class MRMDefineCategoryError(MindRecordException):
    """A category field (of ``MindPage``) that the index does not hold."""

    def _detailed(self, detail):
        return f"Failed to define category field. Detail: {detail}"


def _plain(name):
    return type(name, (MindRecordException,), {"__doc__": f"MindSpore's ``{name}``: {_BASE[name][1]}",
                                               "__module__": __name__})


MRMOpenError = _plain("MRMOpenError")
MRMOpenForAppendError = _plain("MRMOpenForAppendError")
MRMInvalidPageSizeError = _plain("MRMInvalidPageSizeError")
MRMInvalidHeaderSizeError = _plain("MRMInvalidHeaderSizeError")
MRMSetHeaderError = _plain("MRMSetHeaderError")
MRMWriteDatasetError = _plain("MRMWriteDatasetError")
MRMCommitError = _plain("MRMCommitError")
MRMLaunchError = _plain("MRMLaunchError")
MRMFinishError = _plain("MRMFinishError")
MRMCloseError = _plain("MRMCloseError")
MRMAddSchemaError = _plain("MRMAddSchemaError")
MRMAddIndexError = _plain("MRMAddIndexError")
MRMBuildSchemaError = _plain("MRMBuildSchemaError")
MRMGetMetaError = _plain("MRMGetMetaError")
MRMIndexGeneratorError = _plain("MRMIndexGeneratorError")
MRMGenerateIndexError = _plain("MRMGenerateIndexError")
MRMInitSegmentError = _plain("MRMInitSegmentError")
MRMFetchCandidateFieldsError = _plain("MRMFetchCandidateFieldsError")
MRMReadCategoryInfoError = _plain("MRMReadCategoryInfoError")
MRMFetchDataError = _plain("MRMFetchDataError")
MRMValidateDataError = _plain("MRMValidateDataError")
MRMDefineBlobError = _plain("MRMDefineBlobError")

__all__ = ["MindRecordException"] + sorted(_BASE)

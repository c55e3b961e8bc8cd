"""Reading imsmanifest.xml (IMS Content Packaging with the ADL SCORM 1.2 / 2004 extensions).

defusedxml parses it: no entity expansion, no external entities or DTDs are fetched (no XXE).
Element and attribute names are compared by local name, so the many namespace spellings of
real-world packages all read the same. What Guild does with each part is in docs/content.md."""

import posixpath
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from .errors import ScormImportError

MANIFEST_NAME = "imsmanifest.xml"
MAX_MANIFEST_BYTES = 5 * 1024 * 1024

V12, V2004_2, V2004_3, V2004_4 = "1.2", "2004-2", "2004-3", "2004-4"
SCHEMA_VERSIONS = {
    "1.2": V12,
    "cam 1.3": V2004_2,
    "2004 2nd edition": V2004_2,
    "2004 3rd edition": V2004_3,
    "2004 4th edition": V2004_4,
}


@dataclass
class Item:
    """One launchable item of the default organisation: it becomes one lesson."""

    identifier: str
    title: str
    href: str  # the resource's file, relative to the package root (xml:base applied)
    parameters: str
    scorm_type: str  # "sco" or "asset"
    mastery_scaled: Decimal | None = None  # 0..1 (SCORM 1.2 masteryscore / 100, 2004 minNormalizedMeasure)
    time_limit: str = ""  # 1.2 maxtimeallowed (HH:MM:SS) or 2004 attemptAbsoluteDurationLimit (ISO 8601)
    time_limit_action: str = ""
    data_from_lms: str = ""
    completion_threshold: Decimal | None = None
    sequencing: str = ""  # the item's imsss:sequencing element, as XML, kept for the record
    path: list = field(default_factory=list)  # titles of the enclosing (non-launchable) items
    resource_id: str = ""

    @property
    def launch(self):
        """The URL of the item relative to the package root, with its parameters."""
        params = self.parameters.strip()
        if not params:
            return self.href
        if params[0] not in "?#":
            params = ("&" if "?" in self.href else "?") + params
        elif params[0] == "?" and "?" in self.href:
            params = "&" + params[1:]
        return self.href + params


@dataclass
class Manifest:
    identifier: str
    version: str
    title: str
    items: list
    files: set  # every <file href> of the resources the items use (and their dependencies)
    sequencing_collection: str = ""
    organisation_sequencing: str = ""


def _local(name):
    return name.rsplit("}", 1)[-1]


def _children(element, name):
    return [child for child in element if isinstance(child.tag, str) and _local(child.tag) == name]


def _child(element, name):
    found = _children(element, name)
    return found[0] if found else None


def _attr(element, name, default=""):
    wanted = name.lower()
    for key, value in element.attrib.items():
        if _local(key).lower() == wanted:
            return value.strip()  # xs:ID and xs:anyURI collapse surrounding whitespace
    return default


def _text(element, name):
    child = _child(element, name) if element is not None else None
    return (child.text or "").strip() if child is not None and child.text else ""


def _decimal(value):
    try:
        return Decimal(str(value).strip()) if str(value).strip() else None
    except InvalidOperation:
        return None


def _xml(element):
    return tostring(element, encoding="unicode") if element is not None else ""


def parse_manifest(data: bytes) -> Manifest:
    if len(data) > MAX_MANIFEST_BYTES:
        raise ScormImportError(_("imsmanifest.xml is larger than 5 MB."))
    try:
        root = fromstring(data)
    except DefusedXmlException:
        raise ScormImportError(
            _("imsmanifest.xml declares XML entities or a DTD, which Guild refuses for safety.")
        ) from None
    except ParseError as exc:
        raise ScormImportError(_("imsmanifest.xml is not well-formed XML (%(error)s).") % {"error": exc}) from None
    if _local(root.tag) != "manifest":
        raise ScormImportError(_("imsmanifest.xml has no <manifest> root element."))
    version = _version(root, data)
    resources = _resources(root)
    organisation = _default_organisation(root)
    items = []
    for element, path in _walk(organisation, []):
        items.append(_item(element, path, resources, version))
    if not items:
        raise ScormImportError(_("The package's organisation has no item that launches a resource."))
    files = set()
    for item in items:
        files |= _resource_files(resources, item.resource_id)
    return Manifest(
        identifier=_attr(root, "identifier"),
        version=version,
        title=_text(organisation, "title") or _attr(root, "identifier") or _("Imported SCORM course"),
        items=items,
        files=files,
        sequencing_collection=_xml(_child(root, "sequencingCollection")),
        organisation_sequencing=_xml(_child(organisation, "sequencing")),
    )


def _version(root, raw):
    declared = _text(_child(root, "metadata"), "schemaversion") if _child(root, "metadata") is not None else ""
    if declared:
        version = SCHEMA_VERSIONS.get(" ".join(declared.lower().split()))
        if version is None:
            raise ScormImportError(
                _("SCORM version “%(version)s” is not supported: Guild imports SCORM 1.2 and SCORM 2004 "
                  "(2nd to 4th edition).") % {"version": declared[:40]}
            )
        return version
    # No schemaversion: many SCORM 1.2 packages omit it; their ADL namespace tells.
    text = raw.decode("utf-8", "replace").lower()
    if "adlcp_rootv1p2" in text:
        return V12
    if "adlcp_v1p3" in text:
        return V2004_3
    raise ScormImportError(
        _("The manifest names no SCORM version (no <schemaversion>, no ADL namespace): this is not a "
          "SCORM package Guild supports.")
    )


def _resources(root):
    resources = {}
    container = _child(root, "resources")
    if container is None:
        return resources
    base = _attr(container, "base")
    for resource in _children(container, "resource"):
        resource_base = posixpath.join(base, _attr(resource, "base")) if base else _attr(resource, "base")
        resources[_attr(resource, "identifier")] = (resource, resource_base)
    return resources


def _default_organisation(root):
    container = _child(root, "organizations")
    organisations = _children(container, "organization") if container is not None else []
    if not organisations:
        raise ScormImportError(_("The manifest has no <organization>: there is nothing to launch."))
    default = _attr(container, "default")
    return next((o for o in organisations if _attr(o, "identifier") == default), organisations[0])


def _walk(element, path):
    """Launchable items in document order; containers only lend their titles."""
    for child in _children(element, "item"):
        if _attr(child, "identifierref"):
            yield child, path
        yield from _walk(child, path + [_text(child, "title")])


def _join(base, href):
    return posixpath.normpath(posixpath.join(base, href)) if base else posixpath.normpath(href)


def _item(element, path, resources, version):
    ref = _attr(element, "identifierref")
    title = _text(element, "title") or _attr(element, "identifier")
    if ref not in resources:
        raise ScormImportError(
            _("Item “%(item)s” points at resource “%(ref)s”, which the manifest does not define.")
            % {"item": title, "ref": ref}
        )
    resource, base = resources[ref]
    href = _attr(resource, "href")
    if not href:
        raise ScormImportError(_("Resource “%(ref)s” has no href: item “%(item)s” cannot launch.") % {"ref": ref, "item": title})
    scorm_type = (_attr(resource, "scormtype") or "asset").lower()
    item = Item(
        identifier=_attr(element, "identifier"), title=title[:255], href=_join(base, href),
        parameters=_attr(element, "parameters"), scorm_type="sco" if scorm_type == "sco" else "asset", path=path,
        resource_id=ref,
    )
    if version == V12:
        mastery = _decimal(_text(element, "masteryscore"))
        item.mastery_scaled = mastery / 100 if mastery is not None else None
        item.time_limit = _text(element, "maxtimeallowed")
        item.time_limit_action = _text(element, "timelimitaction")
        item.data_from_lms = _text(element, "datafromlms")
    else:
        item.time_limit_action = _text(element, "timeLimitAction")
        item.data_from_lms = _text(element, "dataFromLMS")
        threshold = _child(element, "completionThreshold")
        if threshold is not None:
            item.completion_threshold = _decimal(_attr(threshold, "minProgressMeasure") or threshold.text or "")
        sequencing = _child(element, "sequencing")
        item.sequencing = _xml(sequencing)
        if sequencing is not None:
            _read_sequencing(item, sequencing)
    return item


def _read_sequencing(item, sequencing):
    limits = _child(sequencing, "limitConditions")
    if limits is not None:
        item.time_limit = _attr(limits, "attemptAbsoluteDurationLimit")
    objectives = _child(sequencing, "objectives")
    primary = _child(objectives, "primaryObjective") if objectives is not None else None
    if primary is not None and _attr(primary, "satisfiedByMeasure").lower() == "true":
        item.mastery_scaled = _decimal(_text(primary, "minNormalizedMeasure") or "1.0")


def _resource_files(resources, ref, seen=None):
    """The files a resource lists, with those of the resources it depends on."""
    seen = seen if seen is not None else set()
    if ref in seen or ref not in resources:
        return set()
    seen.add(ref)
    resource, base = resources[ref]
    files = {_join(base, _attr(f, "href")) for f in _children(resource, "file") if _attr(f, "href")}
    for dependency in _children(resource, "dependency"):
        files |= _resource_files(resources, _attr(dependency, "identifierref"), seen)
    return files
